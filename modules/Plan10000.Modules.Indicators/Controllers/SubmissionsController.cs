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
/// <summary>One company's or club's report: the referent of its département reviews it, moves it on or corrects its values.</summary>
[Area("Indicators")]
[Route("admin/indicateurs")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ReviewIndicatorReports)]
public sealed class SubmissionsController(
    IndicatorsDbContext db,
    IReferentialsQuery referentials,
    ICompaniesQuery companies,
    IClubsQuery clubs,
    IAuditLog audit) : Controller
{
    private ReportingService Reporting => HttpContext.RequestServices.GetRequiredService<ReportingService>();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet("soumissions/{id:guid}")]
    public async Task<IActionResult> Submission(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken), ReviewedBy);
        return loaded.Refused ? loaded.Refusal : View(await SubmissionModelAsync(loaded.Value, null, null, cancellationToken));
    }

    /// <summary>Moves the report: examine, validate, or send back to the company with a comment.</summary>
    [HttpPost("soumissions/{id:guid}/etat")]
    public async Task<IActionResult> Move(Guid id, string? to, string? comment, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(db.Submissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken), ReviewedBy);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var submission = loaded.Value;

        if (!Enum.TryParse<SubmissionStatus>(to, out var target) || !Enum.IsDefined(target) || target == SubmissionStatus.Submitted || !ReportingService.CanMove(submission.Status, target))
        {
            ModelState.AddModelError("to", $"Une remontée « {Labels.Of(submission.Status)} » ne peut pas passer à cet état.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Submission", await SubmissionModelAsync(submission, null, null, cancellationToken));
        }

        await Reporting.MoveAsync(submission, target, UserId, comment?.Length > 1000 ? comment[..1000] : comment, cancellationToken);
        await audit.RecordAsync("remontee-indicateurs-" + target.ToString().ToLowerInvariant(), "Remontée " + submission.Id, Labels.Of(target), cancellationToken);
        TempData["Success"] = "La remontée est désormais : " + Labels.Of(target) + ".";
        return LocalRedirect("/admin/indicateurs/soumissions/" + id);
    }

    /// <summary>A referent's correction: new rows supersede the old ones; on a validated report the aggregates follow at once.</summary>
    [HttpPost("soumissions/{id:guid}/valeurs")]
    public async Task<IActionResult> Correct(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await this.LoadInScopeAsync(db.Submissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken), ReviewedBy);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var submission = loaded.Value;

        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == submission.CampaignId, cancellationToken);
        var definitions = await db.Definitions.AsNoTracking().Where(d => d.Active).OrderBy(d => d.ThemeNumero).ThenBy(d => d.Code).ToListAsync(cancellationToken);
        var commitments = submission.SubjectKind == SubjectKind.Company ? await companies.GetCommitmentsAsync([submission.SubjectId], cancellationToken) : null;
        var (values, errors) = ValuesForms.Read(Request.Form, definitions, commitments);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Submission", await SubmissionModelAsync(submission, Request.Form, errors, cancellationToken));
        }

        var saved = await Reporting.SaveValuesAsync(submission, campaign, values, "Correction du référent", UserId, cancellationToken);
        TempData["Success"] = $"{saved} valeur(s) corrigée(s) ; l’historique garde les précédentes.";
        return LocalRedirect("/admin/indicateurs/soumissions/" + id);
    }

    private async Task<SubmissionViewModel> SubmissionModelAsync(Submission submission, IFormCollection? posted, IReadOnlyDictionary<Guid, string>? errors, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == submission.CampaignId, cancellationToken);
        var name = submission.SubjectKind == SubjectKind.Company
            ? (await companies.GetCompanyAsync(submission.SubjectId, cancellationToken))?.Name
            : (await clubs.GetClubAsync(submission.SubjectId, cancellationToken))?.Name;
        var definitions = await db.Definitions.AsNoTracking().Where(d => d.Active).OrderBy(d => d.ThemeNumero).ThenBy(d => d.Code).ToListAsync(cancellationToken);
        var periods = definitions.Select(d => Periods.For(campaign.Period, d.Periodicity)).Distinct().ToList();
        var all = await db.Values.AsNoTracking().Where(v => v.SubjectKind == submission.SubjectKind && v.SubjectId == submission.SubjectId && periods.Contains(v.Period)).OrderByDescending(v => v.RecordedAtUtc).ToListAsync(cancellationToken);
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        var commitments = submission.SubjectKind == SubjectKind.Company ? await companies.GetCommitmentsAsync([submission.SubjectId], cancellationToken) : null;
        var codes = definitions.ToDictionary(d => d.Id, d => d.Code);
        var transitions = await db.Transitions.AsNoTracking().Where(t => t.SubmissionId == submission.Id).OrderBy(t => t.AtUtc).ToListAsync(cancellationToken);
        var values = new ValuesFormViewModel(
            "Valeurs déclarées",
            "Une correction crée une nouvelle valeur ; la précédente reste dans l’historique.",
            $"/admin/indicateurs/soumissions/{submission.Id}/valeurs",
            campaign,
            submission.Status,
            submission.Status != SubmissionStatus.ToDo,
            false,
            ValuesForms.Lines(definitions, campaign.Period, [.. all.Where(v => v.SupersededById == null)], themes, commitments, posted, errors),
            []);
        var moves = new[] { SubmissionStatus.Reviewed, SubmissionStatus.Validated, SubmissionStatus.ToDo }
            .Where(s => ReportingService.CanMove(submission.Status, s))
            .Select(s => new KeyValuePair<string, string>(s.ToString(), s switch
            {
                SubmissionStatus.Reviewed => "Marquer comme examinée",
                SubmissionStatus.Validated => "Valider",
                _ => "Renvoyer pour correction",
            }))
            .ToList();
        return new SubmissionViewModel(
            submission,
            campaign,
            name ?? "—",
            values,
            new TableModel("Historique des valeurs", ["Indicateur", "Période", "Valeur", "Source", "Saisie le", "État"],
                [.. all.Select(v => (IReadOnlyList<string>)[codes.GetValueOrDefault(v.DefinitionId, "?"), v.Period, Formats.Number(v.Value), v.Source, ParisTime.FromUtc(v.RecordedAtUtc).ToString("dd/MM/yyyy HH:mm", Formats.French), v.SupersededById is not null ? "Remplacée" : v.ValidatedAtUtc is not null ? "Validée" : "En attente"])]),
            new TableModel("Journal des états", ["Date", "De", "Vers", "Commentaire"],
                [.. transitions.Select(t => (IReadOnlyList<string>)[ParisTime.FromUtc(t.AtUtc).ToString("dd/MM/yyyy HH:mm", Formats.French), Labels.Of(t.From), Labels.Of(t.To), t.Comment ?? ""])]),
            moves);
    }

    /// <summary>Reports are reviewed by the referents of their département.</summary>
    private static ScopeOwner ReviewedBy(Submission submission) => ScopeOwner.OfDepartement(submission.DepartementCode);
}
