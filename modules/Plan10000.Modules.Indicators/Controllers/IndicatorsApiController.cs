using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Abstractions.Api;

namespace Plan10000.Modules.Indicators.Controllers;

/// <summary>
/// Read-only JSON API of the consolidated indicators, described in the portal's generated OpenAPI document: validated
/// figures per département and period only, never a company's own figure (see <see cref="OpenIndicators.MinimumContributors"/>).
/// </summary>
[Area("Indicators")]
[ApiController]
[Tags("Indicateurs")]
public sealed class IndicatorsApiController(Data.IndicatorsDbContext db) : ControllerBase
{
    private OpenIndicators Open => HttpContext.RequestServices.GetRequiredService<OpenIndicators>();

    [HttpGet("api/v1/indicateurs")]
    [EndpointName("listerIndicateurs")]
    [EndpointSummary("Lister les indicateurs de pilotage actifs")]
    [EndpointDescription("Les indicateurs actifs, triés par thématique puis par code : cibles nationales, intentions déclarées par les entreprises et résultats constatés.")]
    [ProducesResponseType<IReadOnlyList<OpenIndicatorDefinition>>(StatusCodes.Status200OK, "application/json")]
    public async Task<IActionResult> Definitions(CancellationToken cancellationToken)
    {
        var definitions = await db.Definitions.AsNoTracking().Where(d => d.Active).OrderBy(d => d.ThemeNumero).ThenBy(d => d.Code).ToListAsync(cancellationToken);
        return new JsonResult(
            definitions.Select(d => new OpenIndicatorDefinition(
                d.Code,
                d.Label,
                d.ThemeNumero,
                d.Kind switch { IndicatorKind.NationalTarget => IndicatorNature.NationalTarget, IndicatorKind.Intention => IndicatorNature.Intention, _ => IndicatorNature.Result },
                d.Unit,
                d.Periodicity switch { Periodicity.Year => IndicatorPeriodicity.Year, Periodicity.HalfYear => IndicatorPeriodicity.HalfYear, _ => IndicatorPeriodicity.Quarter },
                d.NationalTarget,
                d.IntentionId is { } i ? definitions.FirstOrDefault(x => x.Id == i)?.Code : null)),
            OpenIndicators.JsonOptions);
    }

    [HttpGet("api/v1/indicateurs/valeurs")]
    [EndpointName("listerValeursConsolidees")]
    [EndpointSummary("Valeurs consolidées par département et période")]
    [EndpointDescription("Une page de valeurs validées et consolidées, triées par département, période et indicateur. Une valeur construite à partir de moins de 3 contributeurs est retenue (secret statistique) : le champ valeur vaut alors null. Les liens vers les pages voisines sont dans le champ liens et dans l’en-tête Link.")]
    [ProducesResponseType<OpenIndicatorValuesPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> Values(
        [Description("Code du département.")][ReferentialCode(ApiReferential.Departements)][ApiExample("59")] string? departement,
        [Description("Code INSEE de la région. Ignoré si departement est donné.")][ReferentialCode(ApiReferential.Regions)][ApiExample("32")] string? region,
        [Description("Numéro de la thématique d’engagement.")][ReferentialCode(ApiReferential.Themes)][ApiExample(1)] int? theme,
        [Description("Code de l’indicateur (voir /api/v1/indicateurs).")][RegularExpression("^[A-Za-z0-9_]{1,64}$", ErrorMessage = "Le code d’indicateur ne contient que des lettres, des chiffres et « _ » (64 au plus).")][ApiExample("STAGES_REP_PLUS")] string? indicateur,
        [Description("Année (2026, avec ses semestres et trimestres), semestre (2026-S1) ou trimestre (2026-T2).")][RegularExpression("^20[0-9]{2}(-([Ss][12]|[Tt][1-4]))?$", ErrorMessage = "La période s’écrit 2026, 2026-S1 ou 2026-T2.")][ApiExample("2026")] string? periode,
        [Description("Numéro de page, à partir de 1 (ramené à la dernière page s’il la dépasse).")][Range(1, int.MaxValue, ErrorMessage = "La page commence à 1.")][ApiExample(1)] int page = 1,
        [Description("Nombre de lignes par page.")][Range(1, OpenIndicators.MaxPageSize, ErrorMessage = "La taille de page va de 1 à 500.")][ApiExample(50)] int taillePage = OpenIndicators.PageSize,
        CancellationToken cancellationToken = default)
    {
        var result = await Open.SearchAsync(new OpenIndicatorFilter(departement, region, theme, indicateur, periode, page, taillePage), cancellationToken);
        var links = ApiPaging.Links(HttpContext, result.Page, result.PageCount);
        return new JsonResult(new OpenIndicatorValuesPage(result.Total, result.Page, result.PageCount, [.. result.Rows.Select(OpenIndicatorValue.From)], links), OpenIndicators.JsonOptions);
    }
}
