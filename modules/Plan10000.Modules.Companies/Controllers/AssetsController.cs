using Microsoft.AspNetCore.Mvc;

namespace Plan10000.Modules.Companies.Controllers;

/// <summary>The module's stylesheet (map buckets, print rules of the press kit), embedded in the assembly and served from the portal itself.</summary>
[Area("Companies")]
public sealed class AssetsController : Controller
{
    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = typeof(AssetsController).Assembly.GetManifestResourceStream("Companies.companies.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    [HttpGet("ressources/entreprises.css")]
    [ResponseCache(Duration = 3600, Location = ResponseCacheLocation.Any)]
    public IActionResult Stylesheet() => File(Css.Value, "text/css; charset=utf-8");
}
