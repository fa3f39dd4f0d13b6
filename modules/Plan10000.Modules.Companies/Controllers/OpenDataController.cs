using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.OpenData;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// Read-only JSON API and open-data files of the showcase. They go through the same query as the public pages,
/// so they can never show a company or a field the showcase would not.
/// </summary>
[Area("Companies")]
public sealed class OpenDataController : Controller
{
    private static readonly JsonSerializerOptions JsonOptions = OpenData.JsonOptions;

    /// <summary>Resolved per request: the query is internal to the module.</summary>
    private ShowcaseQuery Showcase => HttpContext.RequestServices.GetRequiredService<ShowcaseQuery>();

    [HttpGet("api/v1/entreprises")]
    public async Task<IActionResult> List(string? q, string? region, string? departement, string? theme, string? @public, string? taille, string? secteur, int page = 1, int taillePage = ShowcaseQuery.PageSize, CancellationToken cancellationToken = default)
    {
        int? themeNumber = int.TryParse(theme, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        var result = await Showcase.SearchAsync(new ShowcaseFilter(q?.Length > 200 ? q[..200] : q, region, departement, themeNumber, @public, taille, secteur, page, taillePage), cancellationToken);
        return new JsonResult(new OpenPage(result.Total, result.Page, result.PageCount, [.. result.Companies.Select(OpenData.From)]), JsonOptions);
    }

    [HttpGet("api/v1/entreprises/{slug}")]
    public async Task<IActionResult> One(string slug, CancellationToken cancellationToken)
    {
        var company = await Showcase.FindBySlugAsync(slug, cancellationToken);
        return company is null ? NotFound() : new JsonResult(OpenData.From(company), JsonOptions);
    }

    /// <summary>
    /// Hand-written rather than generated: only the open-data API is public, and a generator would describe every MVC
    /// route of the portal. The Companies module owns the only /api/v1 routes so far; other modules add theirs here later.
    /// </summary>
    [HttpGet("openapi/v1.json")]
    public IActionResult OpenApi()
    {
        var stream = typeof(OpenDataController).Assembly.GetManifestResourceStream("Plan10000.Modules.Companies.OpenApi.v1.json")
            ?? throw new InvalidOperationException("La description OpenAPI n’est pas incluse dans le module.");
        return File(stream, "application/json; charset=utf-8");
    }

    [HttpGet("donnees/entreprises-engagees.json")]
    public async Task ExportJson(CancellationToken cancellationToken)
    {
        Response.ContentType = "application/json; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"entreprises-engagees.json\"";
        await OpenData.WriteJsonAsync(Showcase.AllListedAsync(cancellationToken).Select(OpenData.From), Response.Body, cancellationToken);
    }

    [HttpGet("donnees/entreprises-engagees.csv")]
    public async Task<IActionResult> ExportCsv(CancellationToken cancellationToken)
    {
        var companies = new List<OpenCompany>();
        await foreach (var company in Showcase.AllListedAsync(cancellationToken))
        {
            companies.Add(OpenData.From(company));
        }

        // Open-data CSV (RFC 4180, « , », invariant numbers, BOM) through the portal's one exporter.
        var exporter = HttpContext.RequestServices.GetRequiredService<ITableExporter>();
        return File(exporter.ToCsv(OpenData.CsvTable(companies), openData: true), "text/csv; charset=utf-8", "entreprises-engagees.csv");
    }

    [HttpGet("donnees/entreprises-engagees.schema.json")]
    public IActionResult Schema() => File(TableSchemaDocument.Open(typeof(OpenDataController).Assembly, OpenData.SchemaResource), TableSchemaDocument.ContentType);
}
