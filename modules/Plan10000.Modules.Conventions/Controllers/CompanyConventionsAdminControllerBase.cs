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

/// <summary>Creation of the conventions a company signs: PAQTE and the charters that preceded it share one form.</summary>
public abstract class CompanyConventionsAdminControllerBase(ConventionsDbContext db, IAccessScope scope, IReferentialsQuery referentials, IPermissionGrants grants, IAuditLog audit, ICompaniesQuery companies) : ConventionsAdminControllerBase(db, scope, referentials, grants, audit)
{
    private protected async Task<IActionResult> CompanyFormViewAsync(string kind, CompanyConventionForm form, string? departement, CancellationToken cancellationToken)
    {
        var model = await CompanyFormAsync(kind, form, departement, cancellationToken);
        return model is null ? Forbid() : View("NewCompany", model);
    }

    private protected async Task<CompanyConventionFormViewModel?> CompanyFormAsync(string kind, CompanyConventionForm form, string? departement, CancellationToken cancellationToken)
    {
        var departements = await ScopedDepartementsAsync(cancellationToken);
        var code = (departement ?? departements.FirstOrDefault().Key ?? "").ToUpperInvariant();
        if (code.Length > 0 && !Scope.CanActOnDepartement(User, code))
        {
            return null;
        }

        var options = code.Length == 0 ? [] : (await companies.GetApprovedCompaniesAsync(code, 2000, cancellationToken)).Select(c => new KeyValuePair<string, string>(c.Id.ToString(), c.Name)).ToList();
        return new CompanyConventionFormViewModel(kind, form, code, departements, options, [.. ConventionService.AxisLabels.Select(a => new KeyValuePair<string, string>(a.Key.ToString(), a.Value))]);
    }

    private protected async Task<IActionResult> CreateCompanyConventionAsync(ConventionKind kind, CompanyConventionForm form, CancellationToken cancellationToken)
    {
        var slug = kind == ConventionKind.Paqte ? "paqte" : "charte";
        var company = Guid.TryParse(form.CompanyId, out var companyId) ? await companies.GetCompanyAsync(companyId, cancellationToken) : null;
        if (company is not null && !Scope.CanActOnDepartement(User, company.DepartementCode))
        {
            return Forbid();
        }

        if (company is null && !string.IsNullOrWhiteSpace(form.CompanyId))
        {
            ModelState.AddModelError(nameof(form.CompanyId), "Choisissez une entreprise de la liste.");
        }

        var start = ParseDate(form.StartsOn, nameof(form.StartsOn));
        var end = ParseDate(form.EndsOn, nameof(form.EndsOn));
        if (kind == ConventionKind.Paqte)
        {
            // Triennial: three years from the first day.
            end = start?.AddYears(3).AddDays(-1);
        }
        else if (start is null && !ModelState.ContainsKey(nameof(form.StartsOn)))
        {
            ModelState.AddModelError(nameof(form.StartsOn), "Indiquez la date de signature de la charte.");
        }
        else if (end is null && !ModelState.ContainsKey(nameof(form.EndsOn)))
        {
            ModelState.AddModelError(nameof(form.EndsOn), "Indiquez la date de fin de la charte.");
        }

        CheckPeriod(start, end, nameof(form.EndsOn));
        var axes = new List<PaqteAxis>();
        foreach (var value in form.Axes)
        {
            if (Enum.TryParse<PaqteAxis>(value, out var axis) && Enum.IsDefined(axis))
            {
                axes.Add(axis);
            }
            else
            {
                ModelState.AddModelError(nameof(form.Axes), "Choisissez les axes dans la liste.");
            }
        }

        if (kind == ConventionKind.Paqte && axes.Count < 4 && !form.IsSme)
        {
            ModelState.AddModelError(nameof(form.Axes), "Seule une PME peut ne garder que certains axes : gardez les quatre axes.");
        }

        if (kind == ConventionKind.Paqte && axes.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Axes), "Gardez au moins un axe.");
        }

        if (!ModelState.IsValid || company is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("NewCompany", await CompanyFormAsync(slug, form, company?.DepartementCode, cancellationToken));
        }

        var convention = new Convention
        {
            Kind = kind,
            Title = (kind == ConventionKind.Paqte ? "PAQTE — " : "Charte entreprises et quartiers — ") + company.Name,
            DepartementCode = company.DepartementCode,
            CompanyId = company.Id,
            PartyName = company.Name,
            Status = kind == ConventionKind.Paqte ? ConventionStatus.Draft : ConventionStatus.Signed,
            StartsOn = start,
            EndsOn = end,
            IsSme = form.IsSme,
            SignedAtUtc = kind == ConventionKind.LegacyCharter ? start : null,
            SignedBy = kind == ConventionKind.LegacyCharter ? UserId : null,
            CreatedAtUtc = Conventions.NowUtc,
            CreatedBy = UserId,
        };
        if (kind == ConventionKind.Paqte)
        {
            var firstYear = (start ?? Conventions.Today).Year;
            foreach (var axis in axes.Distinct().Order())
            {
                foreach (var indicator in ConventionService.AxisIndicators[axis])
                {
                    for (var year = firstYear; year < firstYear + 3; year++)
                    {
                        convention.Objectives.Add(new PaqteObjective { ConventionId = convention.Id, Axis = axis, Indicator = indicator, Year = year });
                    }
                }
            }
        }

        Db.Conventions.Add(convention);
        await Db.SaveChangesAsync(cancellationToken);
        await Audit.RecordAsync("conventions.create", convention.Id.ToString(), convention.Title, cancellationToken);
        TempData["Success"] = kind == ConventionKind.Paqte ? "Le projet de PAQTE est créé : fixez les objectifs annuels." : "La charte est enregistrée.";
        return LocalRedirect("/admin/conventions/" + convention.Id);
    }
}
