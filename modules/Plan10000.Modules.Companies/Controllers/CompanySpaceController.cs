using Microsoft.Extensions.DependencyInjection;
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
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Ui;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Companies;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// « Mon entreprise »: the company's own space. The company comes from the account's company scope claim, never
/// from the URL, and the scope is checked again through IAccessScope before anything is read or written.
/// </summary>
[Area("Companies")]
[Route("mon-entreprise")]
[Authorize]
public sealed class CompanySpaceController(CompaniesDbContext db, IReferentialsQuery referentials, IAccessScope scope, IAccountProvisioning accounts, IEventPublisher events, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        return company is null ? LocalRedirect("/inscription") : View(await BuildAsync(company, new CommitmentForm(), cancellationToken));
    }

    [HttpPost("engagements")]
    public async Task<IActionResult> AddCommitment(CommitmentForm form, CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        if (company is null)
        {
            return Forbid();
        }

        var line = await SignupController.ValidateCommitmentAsync(form, ModelState, referentials, cancellationToken);
        if (line is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await BuildAsync(company, form, cancellationToken));
        }

        await Companies.AddCommitmentAsync(company, line, UserId(), cancellationToken);
        TempData["Success"] = $"Engagement ajouté : votre fiche navette passe à la version {company.FicheVersion}.";
        return LocalRedirect("/mon-entreprise");
    }

    [HttpPost("engagements/{id:guid}/retirer")]
    public async Task<IActionResult> RemoveCommitment(Guid id, CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        var commitment = company?.Commitments.SingleOrDefault(c => c.Id == id);
        if (company is null || commitment is null)
        {
            return NotFound();
        }

        await Companies.RemoveCommitmentAsync(company, commitment, UserId(), cancellationToken);
        TempData["Success"] = $"Engagement retiré : votre fiche navette passe à la version {company.FicheVersion}.";
        return LocalRedirect("/mon-entreprise");
    }

    [HttpGet("engagements/{id:guid}/resultat")]
    public async Task<IActionResult> Result(Guid id, CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        var commitment = company?.Commitments.SingleOrDefault(c => c.Id == id);
        return commitment is null
            ? NotFound()
            : View(await ResultModelAsync(commitment, new ResultForm { ResultQuantity = commitment.ResultQuantity?.ToString(CultureInfo.InvariantCulture), ResultComment = commitment.ResultComment }, cancellationToken));
    }

    [HttpPost("engagements/{id:guid}/resultat")]
    public async Task<IActionResult> Result(Guid id, ResultForm form, CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        var commitment = company?.Commitments.SingleOrDefault(c => c.Id == id);
        if (company is null || commitment is null)
        {
            return NotFound();
        }

        int? quantity = null;
        if (!string.IsNullOrWhiteSpace(form.ResultQuantity))
        {
            if (int.TryParse(form.ResultQuantity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q <= 1_000_000)
            {
                quantity = q;
            }
            else
            {
                ModelState.AddModelError(nameof(form.ResultQuantity), "Saisissez un nombre entier positif ou nul, par exemple 3.");
            }
        }
        else if (string.IsNullOrWhiteSpace(form.ResultComment))
        {
            ModelState.AddModelError(nameof(form.ResultQuantity), "Saisissez un résultat chiffré ou un commentaire.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ResultModelAsync(commitment, form, cancellationToken));
        }

        commitment.ResultQuantity = quantity;
        commitment.ResultComment = string.IsNullOrWhiteSpace(form.ResultComment) ? null : form.ResultComment.Trim();
        commitment.ResultReportedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await Companies.EditedAsync(company, cancellationToken);
        TempData["Success"] = "Résultat enregistré.";
        return LocalRedirect("/mon-entreprise");
    }

    /// <summary>A member lets in an account that asked to join (same SIREN at sign-up); the company scope is granted to it.</summary>
    [HttpPost("demandes/{id:guid}/accepter")]
    public async Task<IActionResult> AcceptJoinRequest(Guid id, CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        var request = company is null ? null : await db.JoinRequests.SingleOrDefaultAsync(r => r.Id == id && r.CompanyId == company.Id && r.AcceptedAt == null, cancellationToken);
        if (company is null || request is null)
        {
            return NotFound();
        }

        await accounts.AddCompanyScopeAsync(request.UserId, company.Id.ToString(), cancellationToken);
        request.AcceptedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{request.Email} a désormais accès à l’espace de l’entreprise.";
        return LocalRedirect("/mon-entreprise");
    }

    /// <summary>A company may leave the programme: it leaves the showcase and the counters at once; its history is kept.</summary>
    [HttpPost("retrait")]
    public async Task<IActionResult> Withdraw(CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        if (company is null)
        {
            return Forbid();
        }

        if (company.Status is CompanyStatus.Pending or CompanyStatus.Approved)
        {
            company.Status = CompanyStatus.Withdrawn;
            company.StatusReason = "Retrait à la demande de l’entreprise";
            company.DecidedAt = clock.GetUtcNow();
            company.DecidedBy = UserId();
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(new CompanyWithdrawn(company.Id, company.DepartementCode), cancellationToken);
        }

        TempData["Success"] = "Votre entreprise est retirée du programme et n’apparaît plus dans la vitrine.";
        return LocalRedirect("/mon-entreprise");
    }

    [HttpGet("profil")]
    public async Task<IActionResult> Profile(CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        if (company is null)
        {
            return LocalRedirect("/inscription");
        }

        var form = new ProfileForm
        {
            SizeCode = company.SizeCode,
            SectorCode = company.SectorCode,
            Address = company.Address,
            City = company.City,
            Website = company.Website,
            Consents = [.. company.Consents.Where(c => c.Granted).Select(c => c.Item)],
        };
        return View(await ProfileModelAsync(company, form, cancellationToken));
    }

    [HttpPost("profil")]
    public async Task<IActionResult> Profile(ProfileForm form, CancellationToken cancellationToken)
    {
        var company = await CurrentAsync(cancellationToken);
        if (company is null)
        {
            return Forbid();
        }

        if (!string.IsNullOrEmpty(form.SizeCode) && !(await referentials.GetTaillesEntrepriseAsync(cancellationToken)).Any(t => t.Code == form.SizeCode))
        {
            ModelState.AddModelError(nameof(form.SizeCode), "Choisissez une taille dans la liste.");
        }

        if (!string.IsNullOrEmpty(form.SectorCode) && !(await referentials.GetSecteursAsync(cancellationToken)).Any(t => t.Code == form.SectorCode))
        {
            ModelState.AddModelError(nameof(form.SectorCode), "Choisissez un secteur dans la liste.");
        }

        if (!string.IsNullOrWhiteSpace(form.Website)
            && !(Uri.TryCreate(form.Website.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            ModelState.AddModelError(nameof(form.Website), "Saisissez une adresse complète, par exemple https://www.exemple.fr.");
        }

        var known = PublicationItems.Labels.Select(l => l.Key).ToHashSet();
        if (form.Consents.Any(c => !known.Contains(c)))
        {
            ModelState.AddModelError(nameof(form.Consents), "Choisissez parmi les éléments proposés.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ProfileModelAsync(company, form, cancellationToken));
        }

        company.SizeCode = form.SizeCode;
        company.SectorCode = form.SectorCode;
        company.Address = form.Address.Trim();
        company.City = form.City.Trim();
        company.Website = string.IsNullOrWhiteSpace(form.Website) ? null : form.Website.Trim();
        CompanyService.SetConsents(company, form.Consents, clock.GetUtcNow());
        CompanyService.RefreshSearchText(company);
        await db.SaveChangesAsync(cancellationToken);
        await Companies.EditedAsync(company, cancellationToken);
        TempData["Success"] = "Profil enregistré.";
        return LocalRedirect("/mon-entreprise");
    }

    /// <summary>Resolved per request: the service is internal to the module, so a public controller cannot take it in its constructor.</summary>
    private CompanyService Companies => HttpContext.RequestServices.GetRequiredService<CompanyService>();

    private string UserId() => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<Company?> CurrentAsync(CancellationToken cancellationToken)
    {
        var claim = User.FindFirst(ScopeClaims.Company)?.Value;
        if (claim is null || !Guid.TryParse(claim, out var id) || !scope.CanActOnCompany(User, claim))
        {
            return null;
        }

        return await db.Companies.Include(c => c.Commitments).Include(c => c.Consents).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    private async Task<CompanySpaceViewModel> BuildAsync(Company company, CommitmentForm form, CancellationToken cancellationToken)
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
                SignupController.Intention(c.IntentionQuantity, c.IntentionUnit, c.IntentionYear),
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
                .Select(c => FichesNavettesController.ToView(c, company.Commitments.ToDictionary(l => l.Id, l => $"{l.Position}. {themeLabels.GetValueOrDefault(l.ThemeNumero, "")}")))],
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

    private async Task<IReadOnlyList<Plan10000.Portal.Abstractions.Extensibility.CompanySpaceSection>> SectionsAsync(Company company, CancellationToken cancellationToken)
    {
        var sections = new List<Plan10000.Portal.Abstractions.Extensibility.CompanySpaceSection>();
        foreach (var contributor in HttpContext.RequestServices.GetServices<Plan10000.Portal.Abstractions.Extensibility.ICompanySpaceContributor>())
        {
            sections.AddRange(await contributor.GetSectionsAsync(company.Id, company.DepartementCode, cancellationToken));
        }

        return [.. sections.OrderBy(s => s.Order)];
    }

    private async Task<ProfileViewModel> ProfileModelAsync(Company company, ProfileForm form, CancellationToken cancellationToken)
        => new(
            company.Name,
            form,
            [.. (await referentials.GetTaillesEntrepriseAsync(cancellationToken)).Select(s => new KeyValuePair<string, string>(s.Code, s.Libelle))],
            [.. (await referentials.GetSecteursAsync(cancellationToken)).Select(s => new KeyValuePair<string, string>(s.Code, s.Libelle))],
            PublicationItems.Labels);

    private async Task<ResultViewModel> ResultModelAsync(Commitment commitment, ResultForm form, CancellationToken cancellationToken)
    {
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        return new(commitment.Id, $"{commitment.ThemeNumero}. {themes.GetValueOrDefault(commitment.ThemeNumero, "")}", commitment.Description, SignupController.Intention(commitment.IntentionQuantity, commitment.IntentionUnit, commitment.IntentionYear), form);
    }
}
