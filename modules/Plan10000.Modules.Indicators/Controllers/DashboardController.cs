using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Modules.Indicators.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Indicators.Controllers;

/// <summary>
/// The four dashboards and the quarterly report. Each is locked on the server to the user's scope before anything is
/// read: national for national admins; a région when every département of it is in the user's scope; a département
/// in scope; a club animated by the user (or of a département in scope). Exports go through the same checks.
/// </summary>
[Area("Indicators")]
[Route("admin/indicateurs")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ViewIndicatorDashboards)]
public sealed class DashboardController(IndicatorsDbContext db, IAccessScope scope, IReferentialsQuery referentials, IClubsQuery clubs, ICompaniesQuery companies, ITableExporter exporter, IAuditLog audit, TimeProvider clock) : Controller
{
    private DashboardQuery Dashboards => HttpContext.RequestServices.GetRequiredService<DashboardQuery>();

    /// <summary>Sends each user to the widest dashboard they may see.</summary>
    [HttpGet("tableau-de-bord")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (scope.IsNational(User))
        {
            return LocalRedirect("/admin/indicateurs/tableau-de-bord/national");
        }

        var departements = scope.Departements(User);
        if (departements is { Count: > 0 })
        {
            return LocalRedirect("/admin/indicateurs/tableau-de-bord/departement/" + departements.Order(StringComparer.Ordinal).First());
        }

        var animated = scope.Clubs(User)!;
        var club = animated.Ids.Count > 0 ? animated.Ids.Order().First()
            : (await clubs.GetClubsAsync(null, cancellationToken)).Where(c => animated.Contains(c.Id, c.DepartementCode)).Select(c => c.Id).FirstOrDefault();
        return club == Guid.Empty ? Forbid() : LocalRedirect("/admin/indicateurs/tableau-de-bord/club/" + club);
    }

    [HttpGet("tableau-de-bord/national")]
    public Task<IActionResult> National(string? theme, string? periode, string? format, CancellationToken cancellationToken)
        => scope.IsNational(User) ? ShowAsync(DashboardLevel.National, null, theme, periode, format, cancellationToken) : Task.FromResult<IActionResult>(Forbid());

    [HttpGet("tableau-de-bord/region/{code}")]
    public async Task<IActionResult> Region(string code, string? theme, string? periode, string? format, CancellationToken cancellationToken)
    {
        var departements = (await referentials.GetDepartementsAsync(cancellationToken)).Where(d => d.RegionCode == code).ToList();
        if (departements.Count == 0)
        {
            return NotFound();
        }

        return departements.All(d => scope.CanActOnDepartement(User, d.Code)) ? await ShowAsync(DashboardLevel.Region, code, theme, periode, format, cancellationToken) : Forbid();
    }

    [HttpGet("tableau-de-bord/departement/{code}")]
    public async Task<IActionResult> Departement(string code, string? theme, string? periode, string? format, CancellationToken cancellationToken)
    {
        code = code.ToUpperInvariant();
        return scope.CanActOnDepartement(User, code) ? await ShowAsync(DashboardLevel.Departement, code, theme, periode, format, cancellationToken) : Forbid();
    }

    [HttpGet("tableau-de-bord/club/{id:guid}")]
    public async Task<IActionResult> Club(Guid id, string? theme, string? periode, string? format, CancellationToken cancellationToken)
    {
        var club = await this.LoadInScopeAsync(clubs.GetClubAsync(id, cancellationToken), c => c.Owner);
        return club.Refused ? club.Refusal : await ShowAsync(DashboardLevel.Club, club.Value.Id.ToString(), theme, periode, format, cancellationToken);
    }

    /// <summary>The circular's quarterly reporting for one département: achievements, results, reports and late reporters.</summary>
    [HttpGet("rapport/{code}")]
    public async Task<IActionResult> Report(string code, string? periode, string? format, CancellationToken cancellationToken)
    {
        var found = await this.LoadInScopeAsync(referentials.FindDepartementAsync(code.ToUpperInvariant(), cancellationToken), d => ScopeOwner.OfDepartement(d.Code));
        if (found.Refused)
        {
            return found.Refusal;
        }

        var departement = found.Value;
        code = departement.Code;

        var period = Periods.IsCampaignPeriod(periode) ? periode! : Periods.CurrentCampaignPeriod(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), false);
        var data = (await Dashboards.GetAsync(DashboardLevel.Departement, code, null, null, cancellationToken))!;
        var year = period[..4];
        var covered = data with { Figures = [.. data.Figures.Where(f => f.Period == year || f.Period == period || f.Period == Periods.For(period, Periodicity.HalfYear))] };
        if (format is "csv" or "xlsx")
        {
            return await ExportAsync(Formats.DashboardTable(covered), $"rapport-{code}-{period}", format, cancellationToken);
        }

        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.Period == period || c.Period == Periods.For(period, Periodicity.HalfYear)).ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Id).ToList();
        var counts = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.CampaignId) && s.DepartementCode == code)
            .GroupBy(s => new { s.CampaignId, s.Status }).Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var approved = await companies.GetApprovedCompaniesAsync(code, int.MaxValue, cancellationToken);
        var approvedIds = approved.Select(c => c.Id).ToList();
        var sent = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.CampaignId) && approvedIds.Contains(s.SubjectId) && s.Status != SubmissionStatus.ToDo).Select(s => new { s.CampaignId, s.SubjectId }).ToListAsync(cancellationToken);
        var submissions = new TableModel(
            "Remontées des campagnes de la période",
            ["Campagne", "Transmises", "Examinées", "Validées", "Non transmises"],
            [.. campaigns.Select(c =>
            {
                string Count(SubmissionStatus s) => counts.Where(x => x.CampaignId == c.Id && x.Status == s).Sum(x => x.Count).ToString(CultureInfo.InvariantCulture);
                return (IReadOnlyList<string>)[c.Name, Count(SubmissionStatus.Submitted), Count(SubmissionStatus.Reviewed), Count(SubmissionStatus.Validated), (approved.Count - sent.Count(x => x.CampaignId == c.Id)).ToString(CultureInfo.InvariantCulture)];
            })]);
        var late = new TableModel(
            "Entreprises n’ayant pas transmis",
            ["Campagne", "Entreprise"],
            [.. campaigns.SelectMany(c => approved.Where(a => !sent.Any(x => x.CampaignId == c.Id && x.SubjectId == a.Id)).Select(a => (IReadOnlyList<string>)[c.Name, a.Name]))]);
        return View(new ReportViewModel(code, departement.Nom, period, covered, submissions, late, PeriodOptions(int.Parse(year, CultureInfo.InvariantCulture), quartersOnly: true)));
    }

    private async Task<IActionResult> ShowAsync(DashboardLevel level, string? code, string? theme, string? periode, string? format, CancellationToken cancellationToken)
    {
        int? themeNumber = int.TryParse(theme, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        var period = Periods.IsValid(periode) ? periode : null;
        var data = await Dashboards.GetAsync(level, code, themeNumber, period, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        var name = level switch
        {
            DashboardLevel.National => "national",
            DashboardLevel.Region => "region-" + code,
            DashboardLevel.Departement => "departement-" + code,
            _ => "club",
        };
        if (format is "csv" or "xlsx")
        {
            return await ExportAsync(Formats.DashboardTable(data), "indicateurs-" + name + (period is null ? "" : "-" + period), format, cancellationToken);
        }

        var path = Request.Path.Value ?? "";
        var themes = await referentials.GetThemesAsync(cancellationToken);
        var subViews = new List<Link>();
        if (level == DashboardLevel.National)
        {
            subViews.AddRange(data.Breakdown.Select(r => new Link(r.Name, "/admin/indicateurs/tableau-de-bord/region/" + r.Code)));
        }
        else if (level == DashboardLevel.Region)
        {
            subViews.AddRange(data.Breakdown.Select(r => new Link($"{r.Name} ({r.Code})", "/admin/indicateurs/tableau-de-bord/departement/" + r.Code)));
        }
        else if (level == DashboardLevel.Departement)
        {
            subViews.AddRange((await clubs.GetClubsAsync(code, cancellationToken)).Where(c => c.Active).Select(c => new Link("Club : " + c.Name, "/admin/indicateurs/tableau-de-bord/club/" + c.Id)));
        }
        else
        {
            // The club's own report for each open campaign (collective actions of the club).
            var now = clock.GetUtcNow().UtcDateTime;
            var open = await db.Campaigns.AsNoTracking().Where(c => c.OpensAtUtc <= now && c.DueAtUtc > now.AddDays(-30)).OrderBy(c => c.DueAtUtc).ToListAsync(cancellationToken);
            subViews.AddRange(open.Select(c => new Link("Remontée du club — " + c.Name, $"/mon-club/indicateurs/{c.Id}/{code}")));
        }

        return View("Dashboard", new DashboardViewModel(
            data,
            path,
            new DashboardFilter(themeNumber?.ToString(CultureInfo.InvariantCulture), period),
            [.. themes.Select(x => new KeyValuePair<string, string>(x.Numero.ToString(CultureInfo.InvariantCulture), $"{x.Numero}. {x.Libelle}"))],
            PeriodOptions(clock.GetUtcNow().UtcDateTime.Year, quartersOnly: false),
            subViews,
            level == DashboardLevel.Departement ? "/admin/indicateurs/rapport/" + code : null));
    }

    /// <summary>Every export is in the audit trail, like the other back-office exports.</summary>
    private async Task<FileContentResult> ExportAsync(ExportTable table, string name, string format, CancellationToken cancellationToken)
    {
        await audit.RecordAsync("export-indicateurs", name + "." + format, table.Rows.Count + " ligne(s)", cancellationToken);
        return format == "xlsx"
            ? File(exporter.ToXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(exporter.ToCsv(table), "text/csv; charset=utf-8", name + ".csv");
    }

    internal static IReadOnlyList<KeyValuePair<string, string>> PeriodOptions(int year, bool quartersOnly)
        => [.. new[] { year, year - 1 }.SelectMany(y => (quartersOnly ? [] : Periods.OfYear(y, Periodicity.Year))
            .Concat(Periods.OfYear(y, Periodicity.HalfYear).Where(_ => !quartersOnly))
            .Concat(Periods.OfYear(y, Periodicity.Quarter)))
            .Select(p => new KeyValuePair<string, string>(p, Periods.Label(p)))];
}
