using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Exports;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>
/// Open-data files of the showcase (the JSON API is <see cref="CompaniesApiController"/>). They go through the same query as the public pages,
/// so they can never show a company or a field the showcase would not.
/// </summary>
[Area("Companies")]
public sealed class OpenDataController : Controller
{
    private static JsonSerializerOptions JsonOptions => CompaniesApiController.JsonOptions;

    /// <summary>Resolved per request: the query is internal to the module.</summary>
    private ShowcaseQuery Showcase => HttpContext.RequestServices.GetRequiredService<ShowcaseQuery>();

    [HttpGet("donnees/entreprises-engagees.json")]
    public async Task ExportJson(CancellationToken cancellationToken)
    {
        Response.ContentType = "application/json; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"entreprises-engagees.json\"";
        // Written company by company with async writes only: JsonSerializer.Serialize(Utf8JsonWriter) would flush synchronously.
        var separator = "["u8.ToArray();
        await foreach (var company in Showcase.AllListedAsync(cancellationToken))
        {
            await Response.Body.WriteAsync(separator, cancellationToken);
            await Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(OpenData.From(company), JsonOptions), cancellationToken);
            separator = ","u8.ToArray();
        }

        await Response.Body.WriteAsync(separator[0] == (byte)'[' ? "[]"u8.ToArray() : "]"u8.ToArray(), cancellationToken);
    }

    [HttpGet("donnees/entreprises-engagees.csv")]
    public async Task<IActionResult> ExportCsv(CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var company in Showcase.AllListedAsync(cancellationToken))
        {
            rows.Add(OpenData.CsvRow(OpenData.From(company)));
        }

        // Open-data CSV (RFC 4180, « , », invariant numbers, BOM) through the portal's one exporter.
        var exporter = HttpContext.RequestServices.GetRequiredService<ITableExporter>();
        return File(exporter.ToCsv(new ExportTable("entreprises-engagees", OpenData.CsvHeader, rows), openData: true), "text/csv; charset=utf-8", "entreprises-engagees.csv");
    }
}
