using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Api;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// The feed of engaged SIRETs for other public services (France Travail, Urssaf, a région…), read-only and described in
/// the portal's OpenAPI document. Only the showcase's companies, so it reveals no engagement the showcase would not (ADR 0030).
/// </summary>
[Area("Companies")]
[ApiController]
[Tags("Entreprises engagées")]
public sealed class SiretApiController : ControllerBase
{
    private SiretFeed Feed => HttpContext.RequestServices.GetRequiredService<SiretFeed>();

    private ShowcaseQuery Showcase => HttpContext.RequestServices.GetRequiredService<ShowcaseQuery>();

    [HttpGet("api/v1/siret")]
    [EndpointName("listerSiretEngages")]
    [EndpointSummary("Lister les SIRET des établissements engagés")]
    [EndpointDescription("Pour les autres services publics : une page des établissements dont l’entreprise est engagée (inscription validée) et a accepté de figurer dans la vitrine, triés par SIRET, avec le SIREN, le département, le code NAF, la date d’engagement et la date de dernière modification. Pour une mise à jour incrémentale, passer dans depuis la plus grande valeur de misAJourLe déjà reçue ; une entreprise qui quitte la vitrine (retrait du programme ou de son consentement) n’apparaît plus : le total et une lecture complète périodique le révèlent. Le même contenu en un fichier : /donnees/siret-entreprises-engagees.csv.")]
    [ProducesResponseType<OpenSiretPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> List(
        [Description("Code du département de l’établissement.")][ReferentialCode(ApiReferential.Departements)][ApiExample("59")] string? departement,
        [Description("Date ISO 8601 : seuls les établissements dont l’entreprise a changé depuis cet instant (misAJourLe supérieure ou égale) sont listés.")][ApiExample("2026-01-01T00:00:00Z")] DateTimeOffset? depuis,
        [Description("Numéro de page, à partir de 1 (ramené à la dernière page s’il la dépasse).")][Range(1, int.MaxValue, ErrorMessage = "La page commence à 1.")][ApiExample(1)] int page = 1,
        [Description("Nombre d’établissements par page.")][Range(1, SiretFeed.MaxPageSize, ErrorMessage = "La taille de page va de 1 à 1000.")][ApiExample(100)] int taillePage = SiretFeed.PageSize,
        CancellationToken cancellationToken = default)
    {
        // Read before the page: a change made meanwhile makes the date older than the content, never newer.
        var lastChange = await Showcase.LastChangeAsync(cancellationToken);
        var result = await Feed.PageAsync(departement, depuis, page, taillePage, cancellationToken);
        Response.GetTypedHeaders().LastModified = lastChange;
        var links = ApiPaging.Links(HttpContext, result.Page, result.PageCount);
        return new JsonResult(new OpenSiretPage(result.Total, result.Page, result.PageCount, result.Rows, links), OpenData.JsonOptions);
    }
}
