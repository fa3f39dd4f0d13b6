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
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Indicators.Controllers;

/// <summary>
/// The companies' and clubs' own reports. The company comes from the account's company scope claim, never from the
/// URL; a club report needs the club in the account's scope. Values can be saved while the report is « to do »,
/// then transmitted to the département's referent.
/// </summary>
[Area("Indicators")]
[Authorize]
public sealed class ReportingController(IndicatorsDbContext db, IAccessScope scope, ICompaniesQuery companies, IClubsQuery clubs, IReferentialsQuery referentials, TimeProvider clock) : Controller
{
    private ReportingService Reporting => HttpContext.RequestServices.GetRequiredService<ReportingService>();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("mon-entreprise/indicateurs")]
    public async Task<IActionResult> Campaigns(CancellationToken cancellationToken)
    {
        var company = await CurrentCompanyAsync(cancellationToken);
        if (company is null)
        {
            return Forbid();
        }

        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.OpensAtUtc <= Now).OrderByDescending(c => c.DueAtUtc).Take(40).ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Id).ToList();
        var statuses = await db.Submissions.AsNoTracking().Where(s => s.SubjectId == company.Id && ids.Contains(s.CampaignId)).ToDictionaryAsync(s => s.CampaignId, s => s.Status, cancellationToken);
        return View(new CompanyCampaignsViewModel(new TableModel(
            "Campagnes de remontée",
            ["Campagne", "Période", "Date limite", "État"],
            [.. campaigns.Select(c => (IReadOnlyList<string>)[c.Name, Periods.Label(c.Period), ParisTime.FromUtc(c.DueAtUtc).ToString("dd/MM/yyyy", Formats.French), Labels.Of(statuses.GetValueOrDefault(c.Id))])],
            [.. campaigns.Select(c => "/mon-entreprise/indicateurs/" + c.Id)])));
    }

    [HttpGet("mon-entreprise/indicateurs/{campaignId:guid}")]
    public async Task<IActionResult> Company(Guid campaignId, CancellationToken cancellationToken)
    {
        var company = await CurrentCompanyAsync(cancellationToken);
        var campaign = await OpenCampaignAsync(campaignId, cancellationToken);
        if (company is null)
        {
            return Forbid();
        }

        return campaign is null ? NotFound() : View("Form", await CompanyFormAsync(company, campaign, null, null, cancellationToken));
    }

    [HttpPost("mon-entreprise/indicateurs/{campaignId:guid}")]
    public async Task<IActionResult> Company(Guid campaignId, string? intent, CancellationToken cancellationToken)
    {
        var company = await CurrentCompanyAsync(cancellationToken);
        var campaign = await OpenCampaignAsync(campaignId, cancellationToken);
        if (company is null || !company.Approved)
        {
            return Forbid();
        }

        if (campaign is null)
        {
            return NotFound();
        }

        var definitions = await ActiveDefinitionsAsync(cancellationToken);
        var commitments = await companies.GetCommitmentsAsync([company.Id], cancellationToken);
        var (values, errors) = ValuesForms.Read(Request.Form, definitions, commitments);
        var submission = await Reporting.GetOrCreateSubmissionAsync(campaign, SubjectKind.Company, company.Id, company.DepartementCode, cancellationToken);
        if (submission.Status != SubmissionStatus.ToDo)
        {
            TempData["Success"] = "Votre remontée est déjà transmise : le référent du département peut vous la renvoyer pour correction.";
            return LocalRedirect("/mon-entreprise/indicateurs/" + campaign.Id);
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await CompanyFormAsync(company, campaign, Request.Form, errors, cancellationToken));
        }

        return await SaveAsync(submission, campaign, values, "Remontée de l’entreprise", intent, "/mon-entreprise/indicateurs/" + campaign.Id, cancellationToken);
    }

    [HttpGet("mon-club/indicateurs/{campaignId:guid}/{clubId:guid}")]
    public async Task<IActionResult> Club(Guid campaignId, Guid clubId, CancellationToken cancellationToken)
    {
        var loaded = await ClubToReportForAsync(clubId, cancellationToken);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var club = loaded.Value;

        var campaign = await OpenCampaignAsync(campaignId, cancellationToken);
        return campaign is null ? NotFound() : View("Form", await ClubFormAsync(club, campaign, null, null, cancellationToken));
    }

    [HttpPost("mon-club/indicateurs/{campaignId:guid}/{clubId:guid}")]
    public async Task<IActionResult> Club(Guid campaignId, Guid clubId, string? intent, CancellationToken cancellationToken)
    {
        var loaded = await ClubToReportForAsync(clubId, cancellationToken);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var club = loaded.Value;

        var campaign = await OpenCampaignAsync(campaignId, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        var (values, errors) = ValuesForms.Read(Request.Form, await ActiveDefinitionsAsync(cancellationToken), null);
        var submission = await Reporting.GetOrCreateSubmissionAsync(campaign, SubjectKind.Club, club.Id, club.DepartementCode, cancellationToken);
        var url = $"/mon-club/indicateurs/{campaign.Id}/{club.Id}";
        if (submission.Status != SubmissionStatus.ToDo)
        {
            return LocalRedirect(url);
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await ClubFormAsync(club, campaign, Request.Form, errors, cancellationToken));
        }

        return await SaveAsync(submission, campaign, values, "Remontée du club", intent, url, cancellationToken);
    }

    /// <summary>A club reports through the animators of an active club: 404 when unknown, 403 when closed or not animated by the reader.</summary>
    private async Task<InScope<ClubInfo>> ClubToReportForAsync(Guid clubId, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(clubs.GetClubAsync(clubId, cancellationToken), c => c.Owner, ScopeReach.Animate);
        return loaded.Refused || loaded.Value.Active ? loaded : new(null, Forbid());
    }

    private async Task<IActionResult> SaveAsync(Submission submission, Campaign campaign, Dictionary<Guid, (decimal, Guid?)> values, string source, string? intent, string url, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var saved = await Reporting.SaveValuesAsync(submission, campaign, values, source, userId, cancellationToken);
        if (intent == "transmettre")
        {
            await Reporting.MoveAsync(submission, SubmissionStatus.Submitted, userId, null, cancellationToken);
            TempData["Success"] = "Votre remontée est transmise au référent du département.";
        }
        else
        {
            TempData["Success"] = $"{saved} valeur(s) enregistrée(s). Pensez à transmettre la remontée avant la date limite.";
        }

        return LocalRedirect(url);
    }

    private async Task<ValuesFormViewModel> CompanyFormAsync(CompanyInfo company, Campaign campaign, IFormCollection? posted, IReadOnlyDictionary<Guid, string>? errors, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.CampaignId == campaign.Id && s.SubjectKind == SubjectKind.Company && s.SubjectId == company.Id, cancellationToken);
        var commitments = await companies.GetCommitmentsAsync([company.Id], cancellationToken);
        var status = submission?.Status ?? SubmissionStatus.ToDo;
        return new ValuesFormViewModel(
            campaign.Name,
            $"{company.Name} — {Periods.Label(campaign.Period)}, date limite le {ParisTime.FromUtc(campaign.DueAtUtc):dd/MM/yyyy}. État : {Labels.Of(status)}.",
            "/mon-entreprise/indicateurs/" + campaign.Id,
            campaign,
            status,
            status == SubmissionStatus.ToDo && company.Approved,
            status == SubmissionStatus.ToDo && company.Approved,
            await LinesAsync(SubjectKind.Company, company.Id, campaign, commitments, posted, errors, cancellationToken),
            [new("Mon entreprise", "/mon-entreprise"), new("Indicateurs", "/mon-entreprise/indicateurs")]);
    }

    private async Task<ValuesFormViewModel> ClubFormAsync(ClubInfo club, Campaign campaign, IFormCollection? posted, IReadOnlyDictionary<Guid, string>? errors, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.CampaignId == campaign.Id && s.SubjectKind == SubjectKind.Club && s.SubjectId == club.Id, cancellationToken);
        var status = submission?.Status ?? SubmissionStatus.ToDo;
        return new ValuesFormViewModel(
            campaign.Name + " — " + club.Name,
            $"Actions collectives du club — {Periods.Label(campaign.Period)}, date limite le {ParisTime.FromUtc(campaign.DueAtUtc):dd/MM/yyyy}. État : {Labels.Of(status)}.",
            $"/mon-club/indicateurs/{campaign.Id}/{club.Id}",
            campaign,
            status,
            status == SubmissionStatus.ToDo,
            status == SubmissionStatus.ToDo,
            await LinesAsync(SubjectKind.Club, club.Id, campaign, null, posted, errors, cancellationToken),
            [new("Mon club", "/mon-club")]);
    }

    private async Task<IReadOnlyList<ValueLine>> LinesAsync(SubjectKind kind, Guid subjectId, Campaign campaign, IReadOnlyList<CommitmentInfo>? commitments, IFormCollection? posted, IReadOnlyDictionary<Guid, string>? errors, CancellationToken cancellationToken)
    {
        var definitions = await ActiveDefinitionsAsync(cancellationToken);
        var periods = definitions.Select(d => Periods.For(campaign.Period, d.Periodicity)).Distinct().ToList();
        var current = await Reporting.CurrentValuesAsync(kind, subjectId, periods, cancellationToken);
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        return ValuesForms.Lines(definitions, campaign.Period, current, themes, commitments, posted, errors);
    }

    private async Task<List<IndicatorDefinition>> ActiveDefinitionsAsync(CancellationToken cancellationToken)
        => await db.Definitions.AsNoTracking().Where(d => d.Active).OrderBy(d => d.ThemeNumero).ThenBy(d => d.Code).ToListAsync(cancellationToken);

    private async Task<Campaign?> OpenCampaignAsync(Guid id, CancellationToken cancellationToken)
        => await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.OpensAtUtc <= Now, cancellationToken);

    private async Task<CompanyInfo?> CurrentCompanyAsync(CancellationToken cancellationToken)
    {
        return scope.OwnCompanyId(User) is { } id ? await companies.GetCompanyAsync(id, cancellationToken) : null;
    }
}
