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

/// <summary>Follow-up of the conventions: those ending soon and the half-yearly départemental reports.</summary>
[Area("Conventions")]
[Route("admin/conventions")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ReadConventions)]
public sealed class ReportsAdminController(ConventionsDbContext db, IAccessScope scope, IReferentialsQuery referentials, IPermissionGrants grants, IAuditLog audit, ICompaniesQuery companies) : ConventionsAdminControllerBase(db, scope, referentials, grants, audit)
{
    [HttpGet("echeances")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Expiring(CancellationToken cancellationToken)
    {
        var departements = Scope.Departements(User);
        var within90 = await Conventions.EndingWithinAsync(90, departements, cancellationToken);
        var today = Conventions.Today;
        IReadOnlyList<string> Row(Convention c) => [c.Title, ConventionService.KindLabel(c.Kind), c.PartyName, c.DepartementCode, ConventionService.Date(c.EndsOn), ((c.EndsOn!.Value - today).Days).ToString(CultureInfo.InvariantCulture)];
        var within30 = within90.Where(c => c.EndsOn <= today.AddDays(30)).ToList();
        var later = within90.Where(c => c.EndsOn > today.AddDays(30)).ToList();
        return View(new ExpiringViewModel(
            departements is null ? "tous les départements" : string.Join(", ", departements.Order()),
            [.. within30.Select(Row)],
            [.. within30.Select(c => "/admin/conventions/" + c.Id)],
            [.. later.Select(Row)],
            [.. later.Select(c => "/admin/conventions/" + c.Id)]));
    }

    [HttpGet("bilans")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Reports(CancellationToken cancellationToken)
    {
        var departements = await ScopedDepartementsAsync(cancellationToken);
        var today = Conventions.Today;
        var half = today.Month <= 6 ? 1 : 2;
        var rows = departements.Select(d => (IReadOnlyList<string>)[$"{d.Value}", $"{(half == 1 ? "1er" : "2d")} semestre {today.Year}"]).ToList();
        return View(new ReportsIndexViewModel(departements, rows, [.. departements.Select(d => $"/admin/conventions/bilans/{d.Key}/{today.Year}/{half}")]));
    }

    [HttpGet("bilans/{code}/{year:int}/{half:int}")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Report(string code, int year, int half, CancellationToken cancellationToken)
    {
        var departement = await ReportDepartementAsync(code, year, half, cancellationToken);
        if (departement.Refused)
        {
            return departement.Refusal;
        }

        var upper = departement.Value.Code;

        var stored = await Db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.DepartementCode == upper && r.Year == year && r.Half == half, cancellationToken);
        var form = stored is null ? new ReportForm() : new ReportForm
        {
            ReferentContact = stored.ReferentContact,
            FollowUpOrganisation = stored.FollowUpOrganisation,
            PartnerAssociations = stored.PartnerAssociations,
            Examples = stored.Examples,
            StrategyAndObstacles = stored.StrategyAndObstacles,
            QpvCount = Str(stored.QpvCount),
            PruCount = Str(stored.PruCount),
            QpvPopulation = Str(stored.QpvPopulation),
            DefmInQpv = Str(stored.DefmInQpv),
        };
        return View(await ReportModelAsync(upper, year, half, form, cancellationToken));
    }

    [HttpPost("bilans/{code}/{year:int}/{half:int}")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> Report(string code, int year, int half, ReportForm form, CancellationToken cancellationToken)
    {
        var departement = await ReportDepartementAsync(code, year, half, cancellationToken);
        if (departement.Refused)
        {
            return departement.Refusal;
        }

        var upper = departement.Value.Code;

        var qpv = ParseOptionalCount(form.QpvCount, nameof(form.QpvCount));
        var pru = ParseOptionalCount(form.PruCount, nameof(form.PruCount));
        var population = ParseOptionalCount(form.QpvPopulation, nameof(form.QpvPopulation));
        var defm = ParseOptionalCount(form.DefmInQpv, nameof(form.DefmInQpv));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ReportModelAsync(upper, year, half, form, cancellationToken));
        }

        var report = await Db.Reports.SingleOrDefaultAsync(r => r.DepartementCode == upper && r.Year == year && r.Half == half, cancellationToken);
        if (report is null)
        {
            report = new DepartementReport { DepartementCode = upper, Year = year, Half = half };
            Db.Reports.Add(report);
        }

        report.ReferentContact = form.ReferentContact?.Trim() ?? "";
        report.FollowUpOrganisation = form.FollowUpOrganisation?.Trim() ?? "";
        report.PartnerAssociations = form.PartnerAssociations?.Trim() ?? "";
        report.Examples = form.Examples?.Trim() ?? "";
        report.StrategyAndObstacles = form.StrategyAndObstacles?.Trim() ?? "";
        report.QpvCount = qpv;
        report.PruCount = pru;
        report.QpvPopulation = population;
        report.DefmInQpv = defm;
        report.UpdatedAtUtc = Conventions.NowUtc;
        report.UpdatedBy = UserId;
        await Db.SaveChangesAsync(cancellationToken);
        await Audit.RecordAsync("conventions.report", $"{upper}/{year}/S{half}", null, cancellationToken);
        TempData["Success"] = "Le bilan est enregistré.";
        return LocalRedirect($"/admin/conventions/bilans/{upper}/{year}/{half}");
    }

    [HttpGet("bilans/{code}/{year:int}/{half:int}/export.csv")]
    [Authorize(Policy = Manage)]
    public async Task<IActionResult> ReportCsv(string code, int year, int half, [FromServices] Portal.Abstractions.Exports.ITableExporter exporter, CancellationToken cancellationToken)
    {
        var departement = await ReportDepartementAsync(code, year, half, cancellationToken);
        if (departement.Refused)
        {
            return departement.Refusal;
        }

        var upper = departement.Value.Code;

        var report = await ReportService.BuildAsync(Db, companies, Referentials, upper, year, half, cancellationToken);
        return File(exporter.ToCsv(ReportService.ToTable(report)), "text/csv; charset=utf-8", $"bilan-paqte-{upper}-{year}-S{half}.csv");
    }

    private static string? Str(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private async Task<ReportViewModel> ReportModelAsync(string code, int year, int half, ReportForm form, CancellationToken cancellationToken)
    {
        var report = await ReportService.BuildAsync(Db, companies, Referentials, code, year, half, cancellationToken);
        return new ReportViewModel(
            code,
            report.DepartementName,
            year,
            half,
            report.Period,
            form,
            [.. report.Companies.Select(c => (IReadOnlyList<string>)[c.Name, ConventionService.Date(c.SignedOn), c.Axes])],
            [.. report.Results.Select(r => (IReadOnlyList<string>)[r.Axis, r.Indicator, r.Target.ToString(CultureInfo.InvariantCulture), r.Result.ToString(CultureInfo.InvariantCulture)])],
            $"/admin/conventions/bilans/{code}/{year}/{half}");
    }

    /// <summary>The département of a half-year report, or the refusal: 404 for an unknown département or period, 403 outside the scope.</summary>
    private Task<InScope<Portal.Abstractions.Queries.Referentials.DepartementInfo>> ReportDepartementAsync(string code, int year, int half, CancellationToken cancellationToken)
        => this.LoadInScopeAsync(
            half is not (1 or 2) || year is < 2018 or > 2100 ? Task.FromResult<Portal.Abstractions.Queries.Referentials.DepartementInfo?>(null) : Referentials.FindDepartementAsync(code.ToUpperInvariant(), cancellationToken),
            d => ScopeOwner.OfDepartement(d.Code));
}
