using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Api;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// Read-only JSON API of the showcase, described in the portal's generated OpenAPI document. It goes through the same
/// query as the public pages, so it can never show a company or a field the showcase would not.
/// </summary>
[Area("Companies")]
[ApiController]
[Tags("Entreprises engagées")]
public sealed class CompaniesApiController : ControllerBase
{
    private static JsonSerializerOptions JsonOptions => OpenData.JsonOptions;

    private ShowcaseQuery Showcase => HttpContext.RequestServices.GetRequiredService<ShowcaseQuery>();

    [HttpGet("api/v1/entreprises")]
    [EndpointName("listerEntreprises")]
    [EndpointSummary("Lister les entreprises engagées")]
    [EndpointDescription("Une page d’entreprises engagées dont l’inscription a été validée, triées par nom, avec les filtres de la vitrine /entreprises-engagees. Seuls les éléments dont chaque entreprise a accepté la publication sont donnés. Les liens vers les pages voisines sont dans le champ liens et dans l’en-tête Link.")]
    [ProducesResponseType<OpenPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> List(
        [Description("Texte recherché dans le nom et les engagements publiés, sans tenir compte des accents ni de la casse.")][MaxLength(200, ErrorMessage = "Le texte recherché compte 200 caractères au plus.")][ApiExample("boulangerie")] string? q,
        [Description("Code INSEE de la région. Ignoré si departement est donné.")][ReferentialCode(ApiReferential.Regions)][ApiExample("32")] string? region,
        [Description("Code du département.")][ReferentialCode(ApiReferential.Departements)][ApiExample("59")] string? departement,
        [Description("Numéro de la thématique d’engagement.")][ReferentialCode(ApiReferential.Themes)][ApiExample(4)] int? theme,
        [Description("Code du public visé.")][ReferentialCode(ApiReferential.Publics)][ApiExample("JEUNES")] string? @public,
        [Description("Code de la taille d’entreprise.")][ReferentialCode(ApiReferential.Tailles)][ApiExample("PME")] string? taille,
        [Description("Code du secteur d’activité.")][ReferentialCode(ApiReferential.Secteurs)][ApiExample("COMMERCE")] string? secteur,
        [Description("Numéro de page, à partir de 1 (ramené à la dernière page s’il la dépasse).")][Range(1, int.MaxValue, ErrorMessage = "La page commence à 1.")][ApiExample(1)] int page = 1,
        [Description("Nombre d’entreprises par page.")][Range(1, 100, ErrorMessage = "La taille de page va de 1 à 100.")][ApiExample(20)] int taillePage = ShowcaseQuery.PageSize,
        CancellationToken cancellationToken = default)
    {
        // Read before the page: a change made meanwhile makes the date older than the content, never newer.
        var lastChange = await Showcase.LastChangeAsync(cancellationToken);
        var result = await Showcase.SearchAsync(new ShowcaseFilter(q, region, departement, theme, @public, taille, secteur, page, taillePage), ShowcaseDetail.Full, cancellationToken);
        Response.GetTypedHeaders().LastModified = lastChange;
        var links = ApiPaging.Links(HttpContext, result.Page, result.PageCount);
        return new JsonResult(new OpenPage(result.Total, result.Page, result.PageCount, [.. result.Companies.Select(OpenData.From)], links), JsonOptions);
    }

    [HttpGet("api/v1/entreprises/{slug}")]
    [EndpointName("lireEntreprise")]
    [EndpointSummary("Lire une entreprise engagée")]
    [EndpointDescription("Une entreprise engagée, avec les seuls éléments dont elle a accepté la publication.")]
    [ProducesResponseType<OpenCompany>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> One(
        [Description("Identifiant de l’entreprise dans les adresses du portail (/entreprises-engagees/{slug}).")][MaxLength(200, ErrorMessage = "L’identifiant compte 200 caractères au plus.")][ApiExample("boulangerie-du-port-552100554")] string slug,
        CancellationToken cancellationToken)
    {
        var company = await Showcase.FindBySlugAsync(slug, cancellationToken);
        if (company is null)
        {
            return Problem(detail: $"Aucune entreprise engagée n’est publiée sous l’identifiant « {slug} ».", statusCode: StatusCodes.Status404NotFound);
        }

        // The company's own last change rather than the time its answer was built (ADR 0030).
        Response.GetTypedHeaders().LastModified = Company.Utc(company.UpdatedAt);
        return new JsonResult(OpenData.From(company), JsonOptions);
    }
}
