using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Conventions.Data;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Modules.Conventions.Services;
using Plan10000.Modules.Conventions.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Conventions.Controllers;

/// <summary>Drafting a State–club convention, whose figures follow the members' fiches navettes until it is signed.</summary>
[Area("Conventions")]
[Route("admin/conventions")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ReadConventions)]
public sealed class ClubConventionsAdminController(ConventionsDbContext db, IAccessScope scope, IReferentialsQuery referentials, IPermissionGrants grants, IAuditLog audit, IClubsQuery clubs) : ConventionsAdminControllerBase(db, scope, referentials, grants, audit)
{
    [HttpGet("club/nouvelle")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> NewClub(CancellationToken cancellationToken)
        => View(await ClubFormAsync(new ClubConventionForm(), cancellationToken));

    [HttpPost("club/nouvelle")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> NewClub(ClubConventionForm form, CancellationToken cancellationToken)
    {
        var club = Guid.TryParse(form.ClubId, out var clubId) ? await clubs.GetClubAsync(clubId, cancellationToken) : null;
        if (club is not null && !Scope.CanActOnDepartement(User, club.DepartementCode))
        {
            return Forbid();
        }

        if (club is null && !string.IsNullOrWhiteSpace(form.ClubId))
        {
            ModelState.AddModelError(nameof(form.ClubId), "Choisissez un club de la liste.");
        }

        var start = ParseDate(form.StartsOn, nameof(form.StartsOn));
        var end = ParseDate(form.EndsOn, nameof(form.EndsOn));
        CheckPeriod(start, end, nameof(form.EndsOn));
        var themes = await ParseThemesAsync(form.Themes, nameof(form.Themes), cancellationToken);
        if (!ModelState.IsValid || club is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ClubFormAsync(form, cancellationToken));
        }

        var convention = new Convention
        {
            Kind = ConventionKind.StateClub,
            Title = form.Title.Trim(),
            DepartementCode = club.DepartementCode,
            ClubId = club.Id,
            PartyName = club.Name,
            Status = ConventionStatus.Draft,
            StartsOn = start,
            EndsOn = end,
            ThemeNumeros = string.Join(';', themes),
            Body = form.Body?.Trim() ?? "",
            CreatedAtUtc = Conventions.NowUtc,
            CreatedBy = UserId,
        };
        Db.Conventions.Add(convention);
        await Db.SaveChangesAsync(cancellationToken);
        await Audit.RecordAsync("conventions.create", convention.Id.ToString(), convention.Title, cancellationToken);
        TempData["Success"] = "Le projet de convention est créé : ses chiffres suivent les fiches navettes des membres jusqu’à la signature.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }

    private async Task<ClubConventionFormViewModel> ClubFormAsync(ClubConventionForm form, CancellationToken cancellationToken)
    {
        var inScope = Scope.Departements(User);
        var all = await clubs.GetClubsAsync(null, cancellationToken);
        var options = all.Where(c => inScope is null || inScope.Contains(c.DepartementCode)).Select(c => new KeyValuePair<string, string>(c.Id.ToString(), $"{c.Name} ({c.DepartementCode})")).ToList();
        return new ClubConventionFormViewModel(form, options, await ThemeOptionsAsync(cancellationToken));
    }
}
