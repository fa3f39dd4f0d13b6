using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Portal.Abstractions.OpenData;
using Plan10000.Portal.Abstractions.Time;
using Plan10000.Portal.Web.ViewModels;

namespace Plan10000.Portal.Web.Controllers;

/// <summary>
/// <c>/donnees</c>: the datasets every enabled module contributes. Cached under <c>/donnees</c> with the open-data files
/// themselves (ADR 0020), so the events that evict a file evict the size and date shown here too.
/// </summary>
public sealed class OpenDataCatalogController(IEnumerable<IOpenDataCatalogContributor> contributors) : Controller
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [HttpGet("/donnees")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var datasets = new List<OpenDataset>();
        foreach (var contributor in contributors)
        {
            datasets.AddRange(await contributor.GetDatasetsAsync(cancellationToken));
        }

        return View(new OpenDataCatalogViewModel([.. datasets.OrderBy(d => d.Order).ThenBy(d => d.Title, StringComparer.Ordinal).Select(d => new OpenDatasetView(
            d,
            d.LastModified is { } modified ? ParisTime.Date(modified) : "non renseignée",
            string.Join(", ", d.Files.Select(f => f.Format).Distinct()),
            [.. d.Files.Select(f => Size(f.SizeBytes))]))]));
    }

    /// <summary>« 12,1 ko (12 345 octets) »: the two units data.gouv.fr readers expect.</summary>
    internal static string Size(long bytes) => bytes < 1024
        ? $"{bytes.ToString("N0", French)} octets"
        : $"{(bytes / 1024d).ToString("N1", French)} ko ({bytes.ToString("N0", French)} octets)";
}
