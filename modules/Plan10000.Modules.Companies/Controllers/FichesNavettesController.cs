using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// The fiches navettes of the approved companies, for the intermediation actors (their information tool) and the
/// referents, limited to their départements: the list is filtered, every company page and post checks the company's
/// département against the scope on the server (403 outside). Referents name the dedicated State contact here;
/// intermediation actors record their contacts with the company.
/// </summary>
[Area("Companies")]
[Route("admin/fiches-navettes")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ViewFichesNavettes)]
public sealed class FichesNavettesController(
    CompaniesDbContext db, IAccessScope scope, IPermissionGrants grants, IAccountProvisioning accounts, IReferentialsQuery referentials, IAuditLog audit, TimeProvider clock) : Controller
{
    private const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? departement, int page = 1, CancellationToken cancellationToken = default)
    {
        var departements = scope.Departements(User);
        var names = (await referentials.GetDepartementsAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Nom);
        var query = db.Companies.AsNoTracking().Where(c => c.Status == CompanyStatus.Approved);
        if (departements is not null)
        {
            var codes = departements.Select(d => d.ToUpperInvariant()).ToList();
            query = query.Where(c => codes.Contains(c.DepartementCode));
        }

        departement = string.IsNullOrWhiteSpace(departement) ? null : departement.Trim().ToUpperInvariant();
        if (departement is not null)
        {
            query = query.Where(c => c.DepartementCode == departement);
        }

        q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (q is not null)
        {
            var folded = TextNormalizer.Fold(q);
            var digits = new string([.. q.Where(char.IsAsciiDigit)]);
            query = digits.Length >= 3 && digits.Length == q.Replace(" ", "", StringComparison.Ordinal).Length
                ? query.Where(c => c.Siret.StartsWith(digits))
                : query.Where(c => c.SearchText.Contains(folded));
        }

        var total = await query.CountAsync(cancellationToken);
        var paging = Paging.Of(total, PageSize, page);
        var rows = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(c => new { c.Id, c.Name, c.Siret, c.City, c.DepartementCode, Commitments = c.Commitments.Count })
            .ToListAsync(cancellationToken);
        var options = (departements is null ? names.Keys : departements.Select(d => d.ToUpperInvariant()))
            .Order(StringComparer.Ordinal)
            .Select(code => new KeyValuePair<string, string>(code, $"{code} – {names.GetValueOrDefault(code, code)}"))
            .ToList();
        return View(new FicheListViewModel(
            departements is null ? "tous les départements" : string.Join(", ", departements.Order().Select(d => $"{names.GetValueOrDefault(d.ToUpperInvariant(), d)} ({d})")),
            q,
            departement,
            options,
            [.. rows.Select(r => new FicheListItem(r.Id, r.Name, r.Siret, r.City, $"{names.GetValueOrDefault(r.DepartementCode, r.DepartementCode)} ({r.DepartementCode})", r.Commitments))],
            total,
            paging.Links($"/admin/fiches-navettes?q={Uri.EscapeDataString(q ?? "")}&departement={Uri.EscapeDataString(departement ?? "")}&page={{0}}")));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        return found.Refused
            ? found.Refusal
            : View(await DetailAsync(found.Value, new IntermediationContactForm { ContactedOn = ParisTime.ToParis(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, new ContactAssignmentForm { ContactUserId = found.Value.ContactUserId }, cancellationToken));
    }

    /// <summary>An intermediation actor records a contact with the company about one of its commitments.</summary>
    [HttpPost("{id:guid}/contacts")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.RecordIntermediationContacts)]
    public async Task<IActionResult> RecordContact(Guid id, IntermediationContactForm form, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found.Refused)
        {
            return found.Refusal;
        }

        var company = found.Value;
        Commitment? commitment = null;
        if (!string.IsNullOrEmpty(form.CommitmentId))
        {
            commitment = Guid.TryParse(form.CommitmentId, out var commitmentId) ? company.Commitments.SingleOrDefault(c => c.Id == commitmentId) : null;
            if (commitment is null)
            {
                ModelState.AddModelError(nameof(form.CommitmentId), "Choisissez un engagement de cette entreprise.");
            }
        }

        DateTime? day = null;
        if (!string.IsNullOrWhiteSpace(form.ContactedOn))
        {
            if (DateOnly.TryParseExact(form.ContactedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && date <= DateOnly.FromDateTime(ParisTime.ToParis(clock.GetUtcNow()).DateTime) && date.Year >= 2018)
            {
                day = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }
            else
            {
                ModelState.AddModelError(nameof(form.ContactedOn), "Saisissez une date passée au format aaaa-mm-jj, par exemple 2026-11-26.");
            }
        }

        foreach (var (name, value) in new[] { (nameof(form.Organisation), form.Organisation), (nameof(form.ContactName), form.ContactName), (nameof(form.Offer), form.Offer) })
        {
            if (string.IsNullOrWhiteSpace(value) && ModelState.GetFieldValidationState(name) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(name, "Ce champ est obligatoire.");
            }
        }

        if (!ModelState.IsValid || commitment is null || day is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await DetailAsync(company, form, new ContactAssignmentForm { ContactUserId = company.ContactUserId }, cancellationToken));
        }

        db.IntermediationContacts.Add(new IntermediationContact
        {
            CompanyId = company.Id,
            CommitmentId = commitment.Id,
            ActorUserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
            Organisation = form.Organisation.Trim(),
            ContactName = form.ContactName.Trim(),
            ContactedOn = day.Value,
            Offer = form.Offer.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("entreprise-contact-intermediation", company.Id.ToString(), $"{form.Organisation.Trim()} – engagement {commitment.Position}", cancellationToken);
        TempData["Success"] = "Contact enregistré : l’entreprise le voit dans son espace.";
        return LocalRedirect($"/admin/fiches-navettes/{company.Id}");
    }

    /// <summary>A referent of the company's département names its dedicated State contact among that département's referents.</summary>
    [HttpPost("{id:guid}/interlocuteur")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.AssistCompanies)]
    public async Task<IActionResult> AssignContact(Guid id, ContactAssignmentForm form, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found.Refused)
        {
            return found.Refusal;
        }

        var company = found.Value;
        var referents = await accounts.GetDepartementAccountsAsync(PortalRoles.TerritorialReferent, company.DepartementCode, cancellationToken);
        var chosen = referents.SingleOrDefault(r => r.UserId == form.ContactUserId);
        if (chosen is null)
        {
            ModelState.AddModelError(nameof(form.ContactUserId), "Choisissez un référent de ce département dans la liste.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await DetailAsync(company, new IntermediationContactForm(), form, cancellationToken));
        }

        company.ContactUserId = chosen.UserId;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("entreprise-interlocuteur", company.Id.ToString(), chosen.Email, cancellationToken);
        TempData["Success"] = $"{chosen.DisplayName} est l’interlocuteur dédié de « {company.Name} ».";
        return LocalRedirect($"/admin/fiches-navettes/{company.Id}");
    }

    /// <summary>404 for an unknown or not approved company; 403 outside the user's départements.</summary>
    private Task<InScope<Company>> FindAsync(Guid id, CancellationToken cancellationToken)
        => this.LoadInScopeAsync(
            db.Companies.Include(c => c.Commitments).SingleOrDefaultAsync(c => c.Id == id && c.Status == CompanyStatus.Approved, cancellationToken),
            AdminController.OwnerOf);

    private async Task<FicheDetailViewModel> DetailAsync(Company company, IntermediationContactForm contactForm, ContactAssignmentForm assignmentForm, CancellationToken cancellationToken)
    {
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        var publics = (await referentials.GetPublicsAsync(cancellationToken)).ToDictionary(p => p.Code, p => p.Libelle);
        var sizes = (await referentials.GetTaillesEntrepriseAsync(cancellationToken)).ToDictionary(t => t.Code, t => t.Libelle);
        var sectors = (await referentials.GetSecteursAsync(cancellationToken)).ToDictionary(t => t.Code, t => t.Libelle);
        var referents = await accounts.GetDepartementAccountsAsync(PortalRoles.TerritorialReferent, company.DepartementCode, cancellationToken);
        var contact = referents.SingleOrDefault(r => r.UserId == company.ContactUserId);
        var lines = company.Commitments.OrderBy(c => c.Position).ToList();
        var positions = lines.ToDictionary(c => c.Id, c => $"{c.Position}. {themes.GetValueOrDefault(c.ThemeNumero, "")}");
        var contacts = await db.IntermediationContacts.AsNoTracking().Where(c => c.CompanyId == company.Id).OrderByDescending(c => c.ContactedOn).ThenByDescending(c => c.RecordedAt).ToListAsync(cancellationToken);
        return new FicheDetailViewModel(
            company.Id,
            company.Name,
            [
                .. AdminController.IdentityRows(company, sizes, sectors),
                new("Fiche navette", $"version {company.FicheVersion}"),
                new("Interlocuteur dédié de l’État", contact is null ? "pas encore désigné" : $"{contact.DisplayName} ({contact.Email})"),
            ],
            [.. lines.Select(c => (IReadOnlyList<string>)[
                $"{c.Position}. {themes.GetValueOrDefault(c.ThemeNumero, "")}",
                string.Join(", ", c.Publics.Select(p => publics.GetValueOrDefault(p, p))),
                c.Description,
                CompanyInput.Intention(c.IntentionQuantity, c.IntentionUnit, c.IntentionYear),
                c.ResultReportedAt is null ? "—" : $"{c.ResultQuantity?.ToString(CultureInfo.InvariantCulture) ?? ""} {c.ResultComment}".Trim()])],
            [.. lines.Select(c => new KeyValuePair<string, string>(c.Id.ToString(), positions[c.Id] + " – " + Shorten(c.Description)))],
            [.. contacts.Select(c => Facilitation.ToView(c, positions))],
            await grants.HasPermissionAsync(User, Permissions.RecordIntermediationContacts, cancellationToken),
            contactForm,
            await grants.HasPermissionAsync(User, Permissions.AssistCompanies, cancellationToken),
            [.. referents.Select(r => new KeyValuePair<string, string>(r.UserId, $"{r.DisplayName} ({r.Email})"))],
            assignmentForm);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
