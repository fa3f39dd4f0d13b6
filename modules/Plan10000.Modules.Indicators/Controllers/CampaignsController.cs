using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Modules.Indicators.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Indicators.Controllers;

/// <summary>
/// Reporting campaigns: national admins open them; referents follow the reports of their départements, review and
/// validate them (scope checked on the submission's département), see the late reporters per club and per
/// département, and enter the département's own values.
/// </summary>
[Area("Indicators")]
[Route("admin/indicateurs")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ReviewIndicatorReports)]
public sealed class CampaignsController(
    IndicatorsDbContext db,
    IAccessScope scope,
    ICompaniesQuery companies,
    IClubsQuery clubs,
    IReferentialsQuery referentials,
    IAuditLog audit,
    TimeProvider clock) : Controller
{
    private ReportingService Reporting => HttpContext.RequestServices.GetRequiredService<ReportingService>();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet("campagnes")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
        => View(await ListAsync(new CampaignForm { Period = Periods.CurrentCampaignPeriod(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), false) }, cancellationToken));

    [HttpPost("campagnes")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageIndicators)]
    public async Task<IActionResult> Create(CampaignForm form, CancellationToken cancellationToken)
    {
        var period = (form.Period ?? "").Trim().ToUpperInvariant();
        if (period.Length > 0 && !Periods.IsCampaignPeriod(period))
        {
            ModelState.AddModelError(nameof(form.Period), "Écrivez la période sous la forme 2026-T2 (trimestre) ou 2026-S1 (semestre).");
        }
        else if (form.Paqte && period.Length > 0 && period[5] != 'S')
        {
            ModelState.AddModelError(nameof(form.Period), "Une campagne PAQTE est semestrielle : écrivez par exemple 2026-S1.");
        }

        // The programme's years only: a date at either end of the calendar would overflow the UTC conversion.
        var opens = DateOnly.TryParseExact(form.OpensOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var o) && o.Year is >= 2018 and <= 2100 ? o : (DateOnly?)null;
        var due = DateOnly.TryParseExact(form.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2018 and <= 2100 ? d : (DateOnly?)null;
        if (form.OpensOn is not null && opens is null)
        {
            ModelState.AddModelError(nameof(form.OpensOn), "Saisissez une date valide (jj/mm/aaaa), entre 2018 et 2100.");
        }

        if (form.DueOn is not null && due is null)
        {
            ModelState.AddModelError(nameof(form.DueOn), "Saisissez une date valide (jj/mm/aaaa), entre 2018 et 2100.");
        }
        else if (opens is not null && due is not null && due < opens)
        {
            ModelState.AddModelError(nameof(form.DueOn), "La date limite suit la date d’ouverture.");
        }

        if (!ModelState.IsValid || opens is null || due is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ListAsync(form, cancellationToken));
        }

        var campaign = new Campaign
        {
            Name = form.Name.Trim(),
            Period = period,
            Paqte = form.Paqte,
            OpensAtUtc = ParisTime.StartOfDay(opens.Value).UtcDateTime,
            DueAtUtc = ParisTime.StartOfDay(due.Value.AddDays(1)).UtcDateTime.AddSeconds(-1),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("campagne-indicateurs-creee", campaign.Name, campaign.Period, cancellationToken);
        TempData["Success"] = $"La campagne « {campaign.Name} » est créée.";
        return LocalRedirect("/admin/indicateurs/campagnes/" + campaign.Id);
    }

    [HttpGet("campagnes/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, string? departement, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        var mine = scope.Departements(User);
        var code = string.IsNullOrWhiteSpace(departement) ? (mine?.Order(StringComparer.Ordinal).FirstOrDefault()) : departement.Trim().ToUpperInvariant();
        if ((code is null && mine is not null) || (code is not null && !scope.CanActOnDepartement(User, code)))
        {
            return Forbid();
        }

        var departements = await referentials.GetDepartementsAsync(cancellationToken);
        if (code is null)
        {
            // National overview: counts per département, one grouped query.
            var counts = await db.Submissions.AsNoTracking().Where(s => s.CampaignId == id && s.SubjectKind == SubjectKind.Company)
                .GroupBy(s => new { s.DepartementCode, s.Status }).Select(g => new { g.Key.DepartementCode, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
            var engaged = await companies.CountApprovedCompaniesByDepartementAsync(cancellationToken);
            var rows = departements.Select(dep =>
            {
                int Count(SubmissionStatus s) => counts.Where(c => c.DepartementCode == dep.Code && c.Status == s).Sum(c => c.Count);
                var total = engaged.GetValueOrDefault(dep.Code);
                var sent = Count(SubmissionStatus.Submitted) + Count(SubmissionStatus.Reviewed) + Count(SubmissionStatus.Validated);
                return (IReadOnlyList<string>)[dep.Code, dep.Nom, total.ToString(CultureInfo.InvariantCulture), Count(SubmissionStatus.Submitted).ToString(CultureInfo.InvariantCulture), Count(SubmissionStatus.Reviewed).ToString(CultureInfo.InvariantCulture), Count(SubmissionStatus.Validated).ToString(CultureInfo.InvariantCulture), Math.Max(0, total - sent).ToString(CultureInfo.InvariantCulture)];
            }).ToList();
            return View(new CampaignViewModel(campaign, "tous les départements", new TableModel(
                "Remontées par département",
                ["Code", "Département", "Entreprises engagées", "Transmises", "Examinées", "Validées", "Non transmises"],
                rows,
                [.. departements.Select(dep => $"/admin/indicateurs/campagnes/{id}?departement={dep.Code}")]), null, [], null, null));
        }

        var approved = await companies.GetApprovedCompaniesAsync(code, int.MaxValue, cancellationToken);
        var clubList = (await clubs.GetClubsAsync(code, cancellationToken)).Where(c => c.Active).ToList();
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.CampaignId == id && s.DepartementCode == code).ToListAsync(cancellationToken);
        var byCompany = submissions.Where(s => s.SubjectKind == SubjectKind.Company).ToDictionary(s => s.SubjectId);
        var byClub = submissions.Where(s => s.SubjectKind == SubjectKind.Club).ToDictionary(s => s.SubjectId);
        var subjects = approved.Select(c => (Id: c.Id, Name: c.Name, Kind: "Entreprise")).Concat(clubList.Select(c => (Id: c.Id, Name: c.Name, Kind: "Club"))).ToList();
        Submission? SubmissionOf(Guid subjectId) => byCompany.GetValueOrDefault(subjectId) ?? byClub.GetValueOrDefault(subjectId);
        var table = new TableModel(
            "Remontées du département",
            ["Entreprise ou club", "Type", "État", "Dernière modification"],
            [.. subjects.Select(s => (IReadOnlyList<string>)[s.Name, s.Kind, Labels.Of(SubmissionOf(s.Id)?.Status ?? SubmissionStatus.ToDo), SubmissionOf(s.Id) is { } x ? ParisTime.FromUtc(x.UpdatedAtUtc).ToString("dd/MM/yyyy HH:mm", Formats.French) : "—"])],
            [.. subjects.Select(s => SubmissionOf(s.Id) is { } x ? "/admin/indicateurs/soumissions/" + x.Id : "")]);
        bool IsLate(Guid subjectId) => (SubmissionOf(subjectId)?.Status ?? SubmissionStatus.ToDo) == SubmissionStatus.ToDo;
        var late = new TableModel(
            $"Entreprises et clubs n’ayant pas transmis ({(campaign.DueAtUtc < clock.GetUtcNow().UtcDateTime ? "date limite dépassée" : "avant la date limite")})",
            ["Entreprise ou club", "Type"],
            [.. subjects.Where(s => IsLate(s.Id)).Select(s => (IReadOnlyList<string>)[s.Name, s.Kind])]);
        var names = approved.ToDictionary(c => c.Id, c => c.Name);
        var membersByClub = await clubs.GetMemberCompanyIdsAsync([.. clubList.Select(c => c.Id)], cancellationToken);
        var lateByClub = clubList.Select(club => new TableModel(
            "Membres en retard — " + club.Name,
            ["Entreprise"],
            [.. membersByClub.GetValueOrDefault(club.Id, []).Where(IsLate).Select(m => (IReadOnlyList<string>)[names.GetValueOrDefault(m, "Entreprise non validée")])])).ToList();

        var name = departements.FirstOrDefault(x => x.Code == code)?.Nom ?? code;
        return View(new CampaignViewModel(campaign, $"{name} ({code})", null, table, lateByClub, late, code));
    }

    private async Task<CampaignsViewModel> ListAsync(CampaignForm form, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.DueAtUtc).Take(100).ToListAsync(cancellationToken);
        return new CampaignsViewModel(
            new TableModel(
                "Campagnes",
                ["Campagne", "Période", "Ouverture", "Date limite", "PAQTE"],
                [.. campaigns.Select(c => (IReadOnlyList<string>)[c.Name, Periods.Label(c.Period), ParisTime.FromUtc(c.OpensAtUtc).ToString("dd/MM/yyyy", Formats.French), ParisTime.FromUtc(c.DueAtUtc).ToString("dd/MM/yyyy", Formats.French), c.Paqte ? "Oui" : "Non"])],
                [.. campaigns.Select(c => "/admin/indicateurs/campagnes/" + c.Id)]),
            scope.IsNational(User) && User.IsInRole(PortalRoles.NationalAdmin),
            form);
    }
}
