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
/// <summary>The values a referent enters for the département itself, period by period.</summary>
[Area("Indicators")]
[Route("admin/indicateurs")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.ReviewIndicatorReports)]
public sealed class DepartementValuesController(
    IndicatorsDbContext db,
    IReferentialsQuery referentials,
    TimeProvider clock) : Controller
{
    private ReportingService Reporting => HttpContext.RequestServices.GetRequiredService<ReportingService>();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet("departements/{code}/valeurs")]
    public async Task<IActionResult> DepartementValues(string code, string? periode, CancellationToken cancellationToken)
    {
        var found = await this.LoadInScopeAsync(referentials.FindDepartementAsync(code.ToUpperInvariant(), cancellationToken), d => ScopeOwner.OfDepartement(d.Code));
        if (found.Refused)
        {
            return found.Refusal;
        }

        var departement = found.Value;

        var period = Periods.IsCampaignPeriod(periode) ? periode! : Periods.CurrentCampaignPeriod(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), false);
        return View(await DepartementModelAsync(departement, period, null, null, cancellationToken));
    }

    [HttpPost("departements/{code}/valeurs")]
    public async Task<IActionResult> SaveDepartementValues(string code, string? periode, CancellationToken cancellationToken)
    {
        var found = await this.LoadInScopeAsync(referentials.FindDepartementAsync(code.ToUpperInvariant(), cancellationToken), d => ScopeOwner.OfDepartement(d.Code));
        if (found.Refused)
        {
            return found.Refusal;
        }

        var departement = found.Value;

        var definitions = await db.Definitions.AsNoTracking().Where(d => d.Active).OrderBy(d => d.ThemeNumero).ThenBy(d => d.Code).ToListAsync(cancellationToken);
        var (values, errors) = ValuesForms.Read(Request.Form, definitions, null);
        if (!Periods.IsCampaignPeriod(periode))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var fallback = Periods.CurrentCampaignPeriod(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), false);
            return View("DepartementValues", await DepartementModelAsync(departement, fallback, Request.Form, errors, cancellationToken, periode ?? "", "Écrivez la période sous la forme 2026-T2 (trimestre) ou 2026-S1 (semestre)."));
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("DepartementValues", await DepartementModelAsync(departement, periode!, Request.Form, errors, cancellationToken));
        }

        var periods = definitions.Select(d => Periods.For(periode!, d.Periodicity)).Distinct().ToList();
        var current = await db.Values.AsNoTracking().Where(v => v.SubjectKind == SubjectKind.Departement && v.DepartementCode == code && periods.Contains(v.Period) && v.SupersededById == null).ToListAsync(cancellationToken);
        var saved = 0;
        foreach (var definition in definitions.Where(d => values.ContainsKey(d.Id)))
        {
            var period = Periods.For(periode!, definition.Periodicity);
            if (current.FirstOrDefault(v => v.DefinitionId == definition.Id && v.Period == period)?.Value != values[definition.Id].Value)
            {
                await Reporting.RecordDepartementValueAsync(definition, code, period, values[definition.Id].Value, "Saisie du référent", UserId, cancellationToken);
                saved++;
            }
        }

        TempData["Success"] = $"{saved} valeur(s) du département enregistrée(s) et consolidée(s).";
        return LocalRedirect($"/admin/indicateurs/departements/{code}/valeurs?periode={periode}");
    }

    private async Task<DepartementValuesViewModel> DepartementModelAsync(DepartementInfo departement, string period, IFormCollection? posted, IReadOnlyDictionary<Guid, string>? errors, CancellationToken cancellationToken, string? periodInput = null, string? periodError = null)
    {
        var definitions = await db.Definitions.AsNoTracking().Where(d => d.Active).OrderBy(d => d.ThemeNumero).ThenBy(d => d.Code).ToListAsync(cancellationToken);
        var periods = definitions.Select(d => Periods.For(period, d.Periodicity)).Distinct().ToList();
        var current = await db.Values.AsNoTracking().Where(v => v.SubjectKind == SubjectKind.Departement && v.DepartementCode == departement.Code && periods.Contains(v.Period) && v.SupersededById == null).ToListAsync(cancellationToken);
        var themes = (await referentials.GetThemesAsync(cancellationToken)).ToDictionary(t => t.Numero, t => t.Libelle);
        var pseudo = new Campaign { Name = "Valeurs du département", Period = period };
        var form = new ValuesFormViewModel(
            $"Valeurs du département — {departement.Nom} ({departement.Code})",
            $"Actions portées par les services de l’État et leurs partenaires, {Periods.Label(period)} : validées dès l’enregistrement.",
            $"/admin/indicateurs/departements/{departement.Code}/valeurs?periode={period}",
            pseudo,
            SubmissionStatus.Validated,
            true,
            false,
            ValuesForms.Lines(definitions, period, current, themes, null, posted, errors),
            [new("Indicateurs", "/admin/indicateurs/tableau-de-bord")],
            new FieldModel("periode", "Période", periodInput ?? period, Error: periodError, Hint: "Sous la forme 2026-T2 (trimestre) ou 2026-S1 (semestre)", Required: true));
        return new DepartementValuesViewModel(departement.Code, departement.Nom, period, form);
    }
}
