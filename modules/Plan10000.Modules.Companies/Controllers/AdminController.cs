using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Jobs;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Modules.Companies.ViewModels;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Companies;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// Moderation of sign-ups. The permission says « may moderate »; the scope says « where »: every action loads the
/// company and checks its département against the user's scope on the server, answering 403 outside it.
/// </summary>
[Area("Companies")]
[Route("admin/entreprises")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ModerateCompanies)]
public sealed class AdminController(CompaniesDbContext db, IAccessScope scope, IBackgroundJobs jobs, IReferentialsQuery referentials, IEventPublisher events, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var departements = scope.Departements(User);
        var query = db.Companies.AsNoTracking().Where(c => c.Status == CompanyStatus.Pending);
        if (departements is not null)
        {
            var codes = departements.Select(d => d.ToUpperInvariant()).ToList();
            query = query.Where(c => codes.Contains(c.DepartementCode));
        }

        var names = (await referentials.GetDepartementsAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Nom);
        // SQLite cannot order on DateTimeOffset: the queue (small, per département) is sorted oldest first in memory.
        var pending = (await query.OrderBy(c => c.Name).Take(1000)
            .Select(c => new { c.Id, c.Name, c.Siret, c.DepartementCode, c.City, c.CreatedAt })
            .ToListAsync(cancellationToken)).OrderBy(c => c.CreatedAt).ToList();
        return View(new ModerationListViewModel(
            departements is null ? "tous les départements" : string.Join(", ", departements.Order().Select(d => $"{names.GetValueOrDefault(d.ToUpperInvariant(), d)} ({d})")),
            [.. pending.Select(c => new PendingCompany(c.Id, c.Name, c.Siret, $"{names.GetValueOrDefault(c.DepartementCode, c.DepartementCode)} ({c.DepartementCode})", c.City, c.CreatedAt))]));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindInScopeAsync(id, cancellationToken);
        return found.Refused ? found.Refusal : View(await DetailAsync(found.Value, null, cancellationToken));
    }

    [HttpPost("{id:guid}/valider")]
    public async Task<IActionResult> Approve(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindInScopeAsync(id, cancellationToken);
        if (found.Refused)
        {
            return found.Refusal;
        }

        return await DecideAsync(found.Value, CompanyStatus.Approved, null, cancellationToken);
    }

    [HttpPost("{id:guid}/refuser")]
    public async Task<IActionResult> Reject(Guid id, RejectForm form, CancellationToken cancellationToken)
    {
        var found = await FindInScopeAsync(id, cancellationToken);
        if (found.Refused)
        {
            return found.Refusal;
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await DetailAsync(found.Value, form.Reason, cancellationToken));
        }

        return await DecideAsync(found.Value, CompanyStatus.Rejected, form.Reason.Trim(), cancellationToken);
    }

    private async Task<IActionResult> DecideAsync(Company company, CompanyStatus decision, string? reason, CancellationToken cancellationToken)
    {
        if (company.Status != CompanyStatus.Pending)
        {
            TempData["Success"] = $"« {company.Name} » a déjà été traitée.";
            return LocalRedirect("/admin/entreprises");
        }

        company.Status = decision;
        company.StatusReason = reason;
        company.DecidedAt = clock.GetUtcNow();
        company.DecidedBy = User.FindFirstValue(ClaimTypes.NameIdentifier);
        await db.SaveChangesAsync(cancellationToken);
        if (decision == CompanyStatus.Approved)
        {
            await events.PublishAsync(new CompanyApproved(company.Id, company.DepartementCode), cancellationToken);
        }

        var id = company.Id;
        jobs.Enqueue<CompanyDecisionMailJob>(j => j.SendAsync(id));
        TempData["Success"] = decision == CompanyStatus.Approved
            ? $"« {company.Name} » est validée ; l’entreprise en est informée par courriel."
            : $"« {company.Name} » est refusée ; l’entreprise en est informée par courriel avec votre motif.";
        return LocalRedirect("/admin/entreprises");
    }

    /// <summary>
    /// In the back office a company is its département's: the referents and intermediation actors of that département
    /// see it, never a company account (which reaches its own company through « Mon entreprise » only).
    /// </summary>
    internal static ScopeOwner OwnerOf(Company company) => ScopeOwner.OfDepartement(company.DepartementCode);

    private Task<InScope<Company>> FindInScopeAsync(Guid id, CancellationToken cancellationToken)
        => this.LoadInScopeAsync(db.Companies.Include(c => c.Commitments).SingleOrDefaultAsync(c => c.Id == id, cancellationToken), OwnerOf);

    /// <summary>The company's identity as the back-office detail pages show it (moderation, fiche navette).</summary>
    internal static IEnumerable<KeyValuePair<string, string>> IdentityRows(Company company, IReadOnlyDictionary<string, string> sizes, IReadOnlyDictionary<string, string> sectors) =>
    [
        new("SIRET", company.Siret),
        new("Adresse", $"{company.Address}, {company.Postcode} {company.City}"),
        new("Département", company.DepartementCode),
        new("Taille", sizes.GetValueOrDefault(company.SizeCode, company.SizeCode)),
        new("Secteur", sectors.GetValueOrDefault(company.SectorCode, company.SectorCode)),
        new("Code NAF", company.NafCode ?? "—"),
        new("Site internet", company.Website ?? "—"),
    ];

    private async Task<ModerationDetailViewModel> DetailAsync(Company company, string? reason, CancellationToken cancellationToken)
    {
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        var sizes = (await referentials.GetTaillesEntrepriseAsync(cancellationToken)).ToDictionary(t => t.Code, t => t.Libelle);
        var sectors = (await referentials.GetSecteursAsync(cancellationToken)).ToDictionary(t => t.Code, t => t.Libelle);
        return new ModerationDetailViewModel(
            company.Id,
            company.Name,
            company.Status == CompanyStatus.Pending,
            [
                .. IdentityRows(company, sizes, sectors),
                new("Charte signée par", $"{company.Charter.SignerName} ({company.Charter.SignerRole}), le {ParisTime.Date(company.Charter.SignedAt)}, version {company.Charter.CharterVersion}"),
                new("Statut", PublicationItems.StatusLabel(company.Status)),
            ],
            [.. company.Commitments.OrderBy(c => c.Position).Select(c => (IReadOnlyList<string>)[$"{c.ThemeNumero}. {themes.GetValueOrDefault(c.ThemeNumero, "")}", c.Description, CompanyInput.Intention(c.IntentionQuantity, c.IntentionUnit, c.IntentionYear)])],
            reason);
    }
}

public sealed class RejectForm
{
    [Required(ErrorMessage = "Indiquez le motif du refus : il est transmis à l’entreprise.")]
    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
    public string Reason { get; set; } = "";
}
