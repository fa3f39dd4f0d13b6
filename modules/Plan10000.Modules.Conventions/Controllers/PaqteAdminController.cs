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

/// <summary>PAQTE: creation, then yearly targets and results.</summary>
[Area("Conventions")]
[Route("admin/conventions")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ReadConventions)]
public sealed class PaqteAdminController(ConventionsDbContext db, IAccessScope scope, IReferentialsQuery referentials, IPermissionGrants grants, IAuditLog audit, ICompaniesQuery companies) : CompanyConventionsAdminControllerBase(db, scope, referentials, grants, audit, companies)
{
    [HttpGet("paqte/nouvelle")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> NewPaqte(string? departement, CancellationToken cancellationToken)
        => await CompanyFormViewAsync("paqte", new CompanyConventionForm { IsSme = false, Axes = [.. Enum.GetValues<PaqteAxis>().Select(a => a.ToString())] }, departement, cancellationToken);

    [HttpPost("paqte/nouvelle")]
    [Authorize(Policy = Manage)]
    public Task<IActionResult> NewPaqte(CompanyConventionForm form, CancellationToken cancellationToken)
        => CreateCompanyConventionAsync(ConventionKind.Paqte, form, cancellationToken);

    /// <summary>PAQTE: yearly targets while the draft is open, then the yearly results; fields « cible-{id} » and « resultat-{id} ».</summary>
    [HttpPost("{id:guid}/objectifs")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Objectives(Guid id, CancellationToken cancellationToken)
    {
        var (convention, refusal) = await LoadManagedAsync(id, cancellationToken);
        if (convention is null)
        {
            return refusal!;
        }

        if (convention.Kind != ConventionKind.Paqte)
        {
            return NotFound();
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        foreach (var objective in convention.Objectives)
        {
            if (convention.Status == ConventionStatus.Draft && form.TryGetValue("cible-" + objective.Id, out var target))
            {
                if (ParseCount(target, "cible-" + objective.Id) is { } t)
                {
                    objective.Target = t;
                }
            }

            if (convention.Status != ConventionStatus.Draft && form.TryGetValue("resultat-" + objective.Id, out var result))
            {
                objective.Result = string.IsNullOrWhiteSpace(result) ? null : ParseCount(result, "resultat-" + objective.Id);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var page = await PageAsync(convention, null, null, null, cancellationToken);
            return View("Show", page);
        }

        await Db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = convention.Status == ConventionStatus.Draft ? "Les objectifs sont enregistrés." : "Les résultats sont enregistrés.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }
}
