using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Abstractions.OpenData;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// Open-data files of the showcase (the JSON API is <see cref="CompaniesApiController"/>). They go through the same query as the public pages,
/// so they can never show a company or a field the showcase would not.
/// </summary>
[Area("Companies")]
public sealed class OpenDataController : Controller
{
    private static readonly JsonSerializerOptions JsonOptions = OpenData.JsonOptions;

    /// <summary>Resolved per request: the query is internal to the module.</summary>
    private ShowcaseQuery Showcase => HttpContext.RequestServices.GetRequiredService<ShowcaseQuery>();

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

    /// <summary>The SIRET feed of <see cref="SiretApiController"/> in one file, in the same order.</summary>
    [HttpGet("donnees/siret-entreprises-engagees.csv")]
    public async Task<IActionResult> ExportSiretCsv(CancellationToken cancellationToken)
    {
        var rows = await HttpContext.RequestServices.GetRequiredService<SiretFeed>().AllAsync().ToListAsync(cancellationToken);
        var exporter = HttpContext.RequestServices.GetRequiredService<ITableExporter>();
        return File(exporter.ToCsv(SiretFeed.CsvTable(rows), openData: true), "text/csv; charset=utf-8", "siret-entreprises-engagees.csv");
    }

    [HttpGet("donnees/siret-entreprises-engagees.schema.json")]
    public IActionResult SiretSchema() => File(TableSchemaDocument.Open(typeof(OpenDataController).Assembly, SiretFeed.SchemaResource), TableSchemaDocument.ContentType);

    [HttpGet("donnees/entreprises-engagees.schema.json")]
    public IActionResult Schema() => File(TableSchemaDocument.Open(typeof(OpenDataController).Assembly, OpenData.SchemaResource), TableSchemaDocument.ContentType);
}
