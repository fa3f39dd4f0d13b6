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

/// <summary>The « entreprises et quartiers » charters: recording one, its passage to the PAQTE, the follow-up list.</summary>
[Area("Conventions")]
[Route("admin/conventions")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ReadConventions)]
public sealed class ChartersAdminController(ConventionsDbContext db, IAccessScope scope, IReferentialsQuery referentials, IPermissionGrants grants, IAuditLog audit, ICompaniesQuery companies) : CompanyConventionsAdminControllerBase(db, scope, referentials, grants, audit, companies)
{
    [HttpGet("chartes/nouvelle")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> NewCharter(string? departement, CancellationToken cancellationToken)
        => await CompanyFormViewAsync("charte", new CompanyConventionForm(), departement, cancellationToken);

    [HttpPost("chartes/nouvelle")]
    [Authorize(Policy = Manage)]
    public Task<IActionResult> NewCharter(CompanyConventionForm form, CancellationToken cancellationToken)
        => CreateCompanyConventionAsync(ConventionKind.LegacyCharter, form, cancellationToken);

    /// <summary>Charter: records the PAQTE that followed it (a PAQTE of the same company).</summary>
    [HttpPost("{id:guid}/transition")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Transition(Guid id, [FromForm] string? paqteId, CancellationToken cancellationToken)
    {
        var (convention, refusal) = await LoadManagedAsync(id, cancellationToken);
        if (convention is null || convention.Kind != ConventionKind.LegacyCharter)
        {
            return refusal ?? NotFound();
        }

        var paqte = Guid.TryParse(paqteId, out var pid)
            ? await Db.Conventions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == pid && c.Kind == ConventionKind.Paqte && c.CompanyId == convention.CompanyId, cancellationToken)
            : null;
        if (paqte is null)
        {
            ModelState.AddModelError("paqteId", "Choisissez un PAQTE de la même entreprise.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(convention, null, null, null, cancellationToken));
        }

        convention.TransitionConventionId = paqte.Id;
        convention.TransitionedOn = paqte.SignedAtUtc?.Date ?? Conventions.Today;
        await Db.SaveChangesAsync(cancellationToken);
        await Audit.RecordAsync("conventions.transition", convention.Id.ToString(), paqte.Title, cancellationToken);
        TempData["Success"] = "Le passage de la charte au PAQTE est enregistré.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }

    [HttpGet("chartes")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Charters(CancellationToken cancellationToken)
    {
        var charters = await Conventions.Readable(User).Where(c => c.Kind == ConventionKind.LegacyCharter).OrderBy(c => c.DepartementCode).ThenBy(c => c.PartyName).Take(2000).ToListAsync(cancellationToken);
        var today = Conventions.Today;
        var rows = charters.Select(c => (IReadOnlyList<string>)[c.PartyName, c.DepartementCode, ConventionService.Date(c.EndsOn), TransitionLabel(c, today)]).ToList();
        return View(new ChartersViewModel(
            rows,
            [.. charters.Select(c => "/admin/conventions/" + c.Id)],
            charters.Count(c => c.TransitionConventionId is not null),
            charters.Count(c => IsLate(c, today)),
            charters.Count));
    }
}
