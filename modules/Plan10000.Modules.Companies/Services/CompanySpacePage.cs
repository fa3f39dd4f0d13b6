using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Services;

/// <summary>
/// The « Mon entreprise » page: the fiche navette with its results, the join requests, the problems, the
/// intermediation contacts, the dedicated State contact and the sections other modules add. Shown by the space
/// itself and again, with the typed line and its errors, when a new commitment is refused.
/// </summary>
internal sealed class CompanySpacePage(CompaniesDbContext db, IReferentialsQuery referentials, IAccountProvisioning accounts, IEnumerable<ICompanySpaceContributor> contributors)
{
    public async Task<CompanySpaceViewModel> BuildAsync(Company company, CommitmentForm form, CancellationToken cancellationToken)
    {
        var themes = await referentials.GetThemesAsync(cancellationToken);
        var publics = await referentials.GetPublicsAsync(cancellationToken);
        var themeLabels = themes.ToDictionary(t => t.Numero, t => t.Libelle);
        var publicLabels = publics.ToDictionary(p => p.Code, p => p.Libelle);
        var status = company.Status switch
        {
            CompanyStatus.Approved => new BadgeModel(PublicationItems.StatusLabel(company.Status), BadgeKind.Success),
            CompanyStatus.Rejected => new BadgeModel(PublicationItems.StatusLabel(company.Status), BadgeKind.Error),
            CompanyStatus.Withdrawn => new BadgeModel(PublicationItems.StatusLabel(company.Status), BadgeKind.Neutral),
            _ => new BadgeModel(PublicationItems.StatusLabel(company.Status), BadgeKind.Info),
        };
        return new CompanySpaceViewModel(
            company.Status is CompanyStatus.Pending or CompanyStatus.Approved,
            company.Name,
            status,
            company.Status == CompanyStatus.Rejected ? company.StatusReason : null,
            "/entreprises-engagees/" + company.Slug,
            company.FicheVersion,
            [
                new("SIRET", company.Siret),
                new("Adresse", $"{company.Address}, {company.Postcode} {company.City}"),
                new("Site internet", company.Website ?? "—"),
                new("Charte signée", $"par {company.Charter.SignerName} le {ParisTime.Date(company.Charter.SignedAt)} (version {company.Charter.CharterVersion})"),
                new("Publication", string.Join(", ", company.Consents.Where(c => c.Granted).Select(c => PublicationItems.ShortLabels.GetValueOrDefault(c.Item, c.Item))) is { Length: > 0 } items ? items : "rien n’est publié"),
            ],
            [.. company.Commitments.OrderBy(c => c.Position).Select(c => new SpaceCommitment(
                c.Id, c.Position, $"{c.ThemeNumero}. {themeLabels.GetValueOrDefault(c.ThemeNumero, "")}",
                string.Join(", ", c.Publics.Select(p => publicLabels.GetValueOrDefault(p, p))),
                c.Description,
                CompanyInput.Intention(c.IntentionQuantity, c.IntentionUnit, c.IntentionYear),
                c.ResultReportedAt is null ? "Pas encore renseigné" : $"{c.ResultQuantity?.ToString(CultureInfo.InvariantCulture) ?? "—"} {c.IntentionUnit} {c.ResultComment}".Trim()))],
            [.. themes.Select(t => new KeyValuePair<string, string>(t.Numero.ToString(CultureInfo.InvariantCulture), $"{t.Numero}. {t.Libelle}"))],
            [.. publics.Select(p => new KeyValuePair<string, string>(p.Code, p.Libelle))])
        {
            Commitment = form,
            JoinRequests = [.. (await db.JoinRequests.AsNoTracking().Where(r => r.CompanyId == company.Id && r.AcceptedAt == null).Select(r => new { r.Id, r.Email }).ToListAsync(cancellationToken))
                .Select(r => new KeyValuePair<Guid, string>(r.Id, r.Email))],
            Sections = await SectionsAsync(company, cancellationToken),
            Approved = company.Status == CompanyStatus.Approved,
            StateContact = await StateContactAsync(company, cancellationToken),
            Problems = [.. (await db.Problems.AsNoTracking().Where(p => p.CompanyId == company.Id).OrderByDescending(p => p.UpdatedAt).Take(50).ToListAsync(cancellationToken))
                .Select(p => new ProblemSummary(p.Id, p.Subject, company.Name, p.DepartementCode, AdministrativeProblem.StatusLabel(p.Status), ParisTime.Display(p.UpdatedAt)))],
            IntermediationContacts = [.. (await db.IntermediationContacts.AsNoTracking().Where(c => c.CompanyId == company.Id).OrderByDescending(c => c.ContactedOn).ThenByDescending(c => c.RecordedAt).Take(100).ToListAsync(cancellationToken))
                .Select(c => Facilitation.ToView(c, company.Commitments.ToDictionary(l => l.Id, l => $"{l.Position}. {themeLabels.GetValueOrDefault(l.ThemeNumero, "")}")))],
        };
    }

    private async Task<KeyValuePair<string, string>?> StateContactAsync(Company company, CancellationToken cancellationToken)
    {
        if (company.ContactUserId is null || company.Status != CompanyStatus.Approved)
        {
            return null;
        }

        // Read among the département's referents: an account that lost the scope is no longer shown as the contact.
        var referents = await accounts.GetDepartementAccountsAsync(PortalRoles.TerritorialReferent, company.DepartementCode, cancellationToken);
        return referents.SingleOrDefault(r => r.UserId == company.ContactUserId) is { } contact ? new(contact.DisplayName, contact.Email) : null;
    }

    private async Task<IReadOnlyList<CompanySpaceSection>> SectionsAsync(Company company, CancellationToken cancellationToken)
    {
        var sections = new List<CompanySpaceSection>();
        foreach (var contributor in contributors)
        {
            sections.AddRange(await contributor.GetSectionsAsync(company.Id, company.DepartementCode, cancellationToken));
        }

        return [.. sections.OrderBy(s => s.Order)];
    }
}
