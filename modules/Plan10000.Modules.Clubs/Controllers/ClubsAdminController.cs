using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Modules.Clubs.Services;
using Plan10000.Modules.Clubs.ViewModels;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Clubs.Controllers;

/// <summary>The clubs themselves: the list in the reader's scope, creation or proposal, validation, the dashboard and its animators.</summary>
[Area("Clubs")]
[Route("admin/clubs")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageClubs)]
public sealed class ClubsAdminController(
    ClubsDbContext db,
    IAccessScope scope,
    IReferentialsQuery referentials,
    ICompaniesQuery companies,
    IAccountProvisioning accounts,
    IPermissionGrants grants,
    TimeProvider clock) : ClubsAdminControllerBase(db, scope, clock)
{
    [HttpGet("/mon-club")]
    public IActionResult MyClub()
    {
        var club = User.FindFirst(ScopeClaims.Club)?.Value;
        return LocalRedirect(club is null ? "/admin/clubs" : "/admin/clubs/" + club);
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        // The clubs of the départements overseen, and those animated (by id, or by département for an animator
        // account not yet designated by club).
        var departements = Scope.Departements(User);
        var animated = Scope.Clubs(User);
        var query = Db.Clubs.AsNoTracking();
        if (departements is not null && animated is not null)
        {
            var codes = departements.Concat(animated.Departements).Select(d => d.ToUpperInvariant()).ToList();
            var clubIds = animated.Ids.ToList();
            query = query.Where(c => codes.Contains(c.DepartementCode) || clubIds.Contains(c.Id));
        }

        var clubs = await query.OrderBy(c => c.DepartementCode).ThenBy(c => c.Name).Take(1000).ToListAsync(cancellationToken);
        return View(new AdminClubsViewModel(
            departements is null ? "tous les départements" : string.Join(", ", departements.Order()),
            [.. clubs.Select(c => (IReadOnlyList<string>)[c.Name, c.DepartementCode, StatusLabel(c.Status)])],
            [.. clubs.Select(c => "/admin/clubs/" + c.Id)],
            departements is null || departements.Count > 0 || User.IsInRole(PortalRoles.ClubAnimator)));
    }

    [HttpGet("nouveau")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
        => View(await FormModelAsync(new ClubForm(), cancellationToken));

    /// <summary>A referent creates an active club in their département; an animator without that scope proposes one, which a referent validates.</summary>
    [HttpPost("nouveau")]
    public async Task<IActionResult> Create(ClubForm form, CancellationToken cancellationToken)
    {
        var code = (form.DepartementCode ?? "").Trim().ToUpperInvariant();
        var canCreate = code.Length > 0 && Scope.CanActOnDepartement(User, code);
        var canPropose = User.IsInRole(PortalRoles.ClubAnimator);
        if (code.Length > 0 && !canCreate && !canPropose)
        {
            return Forbid();
        }

        if (code.Length > 0 && await referentials.FindDepartementAsync(code, cancellationToken) is null)
        {
            ModelState.AddModelError(nameof(form.DepartementCode), "Choisissez un département de la liste.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await FormModelAsync(form, cancellationToken));
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var club = new Club
        {
            Name = form.Name.Trim(),
            Description = form.Description.Trim(),
            DepartementCode = code,
            ReferentContacts = form.ReferentContacts.Trim(),
            ContactEmail = form.ContactEmail.Trim(),
            Status = canCreate ? ClubStatus.Active : ClubStatus.Proposed,
            CreatedAtUtc = Now,
            CreatedBy = userId,
            ValidatedBy = canCreate ? userId : null,
        };
        Db.Clubs.Add(club);
        if (!canCreate)
        {
            // The proposer animates the club they propose.
            club.Animators.Add(new ClubAnimator { ClubId = club.Id, UserId = userId, Email = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "" });
        }

        await Db.SaveChangesAsync(cancellationToken);
        await HttpContext.ClubChangedAsync(club.Id, cancellationToken);
        if (!canCreate)
        {
            await accounts.AddClubScopeAsync(userId, club.Id.ToString(), cancellationToken);
        }

        TempData["Success"] = canCreate
            ? $"Le club « {club.Name} » est créé."
            : $"Le club « {club.Name} » est proposé : un référent du département doit le valider.";
        return LocalRedirect("/admin/clubs/" + club.Id);
    }

    [HttpPost("{id:guid}/valider")]
    public async Task<IActionResult> Validate(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(Db.Clubs.SingleOrDefaultAsync(c => c.Id == id, cancellationToken), c => ScopeOwner.OfDepartement(c.DepartementCode));
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var club = loaded.Value;
        if (club.Status == ClubStatus.Proposed)
        {
            club.Status = ClubStatus.Active;
            club.ValidatedBy = User.FindFirstValue(ClaimTypes.NameIdentifier);
            await Db.SaveChangesAsync(cancellationToken);
            await HttpContext.ClubChangedAsync(club.Id, cancellationToken);
        }

        TempData["Success"] = $"Le club « {club.Name} » est validé.";
        return LocalRedirect("/admin/clubs/" + club.Id);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(Db.Clubs.AsNoTracking().Include(c => c.Animators).SingleOrDefaultAsync(c => c.Id == id, cancellationToken), OwnerOf);
        return loaded.Refused ? loaded.Refusal : View(await DashboardAsync(loaded.Value, new AnimatorForm(), cancellationToken));
    }

    /// <summary>Makes an existing account an animator of the club (role + club scope): it needs the permission to grant that, then the département scope.</summary>
    [HttpPost("{id:guid}/animateurs")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.DesignateAnimators)]
    public async Task<IActionResult> AddAnimator(Guid id, AnimatorForm form, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(Db.Clubs.AsNoTracking().Include(c => c.Animators).SingleOrDefaultAsync(c => c.Id == id, cancellationToken), c => ScopeOwner.OfDepartement(c.DepartementCode));
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var club = loaded.Value;
        var userId = ModelState.IsValid ? await accounts.FindUserIdAsync(form.Email, cancellationToken) : null;
        if (ModelState.IsValid && userId is null)
        {
            ModelState.AddModelError(nameof(form.Email), "Aucun compte n’utilise cette adresse : la personne doit d’abord créer son compte.");
        }

        if (!ModelState.IsValid || userId is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await DashboardAsync(club, form, cancellationToken));
        }

        await HttpContext.RequestServices.GetRequiredService<ClubService>().DesignateAnimatorAsync(club.Id, userId, form.Email, cancellationToken);
        TempData["Success"] = $"{form.Email.Trim()} anime désormais le club.";
        return LocalRedirect("/admin/clubs/" + club.Id);
    }

    private static string StatusLabel(ClubStatus status) => status switch
    {
        ClubStatus.Proposed => "Proposé, à valider",
        ClubStatus.Active => "Actif",
        _ => "Fermé",
    };

    private async Task<ClubFormViewModel> FormModelAsync(ClubForm form, CancellationToken cancellationToken)
    {
        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        var inScope = Scope.Departements(User);
        var proposalOnly = inScope is not null && inScope.Count == 0;
        var options = departements.Where(d => proposalOnly || inScope is null || inScope.Contains(d.Code) || inScope.Contains(d.Code.ToLowerInvariant()))
            .Select(d => new KeyValuePair<string, string>(d.Code, $"{d.Nom} ({d.Code})")).ToList();
        return new ClubFormViewModel(form, options, proposalOnly);
    }

    private async Task<ClubDashboardViewModel> DashboardAsync(Club club, AnimatorForm animatorForm, CancellationToken cancellationToken)
    {
        var memberships = await Db.Memberships.AsNoTracking().Where(m => m.ClubId == club.Id && (m.Status == MembershipStatus.Pending || m.Status == MembershipStatus.Accepted)).ToListAsync(cancellationToken);
        var infos = (await companies.GetCompaniesAsync([.. memberships.Select(m => m.CompanyId)], cancellationToken)).ToDictionary(c => c.Id);
        string Name(Guid companyId) => infos.TryGetValue(companyId, out var c) ? c.Name : companyId.ToString();
        var memberIds = memberships.Where(m => m.Status == MembershipStatus.Accepted).Select(m => m.CompanyId).ToList();
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        var byTheme = await companies.GetCommitmentsByThemeAsync(memberIds, cancellationToken);
        var withoutResults = await companies.GetCompaniesWithoutResultsAsync(memberIds, cancellationToken);
        var now = Now;
        var upcoming = await Db.Meetings.AsNoTracking().Where(m => m.ClubId == club.Id).OrderByDescending(m => m.StartsAtUtc).Take(50)
            .Select(m => new { m.Id, m.Title, m.StartsAtUtc, m.Capacity, Registered = m.Registrations.Count, HasMinutes = m.Minutes != null, Cancelled = m.CancelledAtUtc != null }).ToListAsync(cancellationToken);
        var departement = await referentials.FindDepartementAsync(club.DepartementCode, cancellationToken);
        return new ClubDashboardViewModel(
            club.Id,
            club.Name,
            $"{departement?.Nom ?? club.DepartementCode} ({club.DepartementCode})",
            StatusLabel(club.Status),
            club.Status == ClubStatus.Proposed && Scope.CanActOnDepartement(User, club.DepartementCode),
            CanManage(club),
            Scope.CanActOnDepartement(User, club.DepartementCode) && await grants.HasPermissionAsync(User, Permissions.DesignateAnimators, cancellationToken),
            [.. club.Animators.Select(a => a.Email)],
            [.. memberships.Where(m => m.Status == MembershipStatus.Pending).Select(m => (m.Id, Name(m.CompanyId)))],
            [.. memberships.Where(m => m.Status == MembershipStatus.Accepted).Select(m => (m.Id, Name(m.CompanyId))).OrderBy(m => m.Item2)],
            [.. byTheme.Select(t => (IReadOnlyList<string>)[$"{t.ThemeNumero}. {themes.GetValueOrDefault(t.ThemeNumero, "")}", Num(t.Companies), Num(t.Commitments), Num(t.WithResults)])],
            [.. withoutResults.Select(Name).Order()],
            [.. upcoming.Select(m => (IReadOnlyList<string>)[m.Title, ParisTime.Format(m.StartsAtUtc), $"{m.Registered} / {m.Capacity}", m.Cancelled ? "Annulée" : m.StartsAtUtc > now ? "À venir" : m.HasMinutes ? "Compte rendu déposé" : "Compte rendu à déposer"])],
            [.. upcoming.Select(m => $"/admin/clubs/{club.Id}/rencontres/{m.Id}")],
            animatorForm);
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
