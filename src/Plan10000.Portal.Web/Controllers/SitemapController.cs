using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Web.ViewModels;

namespace Plan10000.Portal.Web.Controllers;

public sealed class SitemapController(IEnumerable<ISitemapContributor> contributors, IPortalUrls urls) : Controller
{
    private static readonly SitemapEntry[] HostEntries =
    [
        new("Accueil", "/", "Le portail"),
        new("Recherche", "/recherche", "Le portail"),
        new("Données ouvertes", "/donnees", "Le portail"),
        new("Mentions légales", "/mentions-legales", "Informations légales"),
        new("Données personnelles", "/donnees-personnelles", "Informations légales"),
        new("Accessibilité", "/accessibilite", "Informations légales"),
        new("Plan du site", "/plan-du-site", "Informations légales"),
    ];

    [HttpGet("/plan-du-site")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
        => View(new SitemapViewModel([.. (await CollectAsync(cancellationToken)).GroupBy(e => e.Section)]));

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Xml(CancellationToken cancellationToken)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var root = urls.Root;
        var document = new XDocument(new XElement(ns + "urlset",
            (await CollectAsync(cancellationToken)).Select(e => new XElement(ns + "url",
                new XElement(ns + "loc", root + e.Url),
                e.LastModified is { } modified ? new XElement(ns + "lastmod", modified.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : null))));
        return Content(document.Declaration + document.ToString(), "application/xml", Encoding.UTF8);
    }

    [HttpGet("/robots.txt")]
    public IActionResult Robots()
        => Content($"User-agent: *\nDisallow: /admin/\nDisallow: /compte/\nSitemap: {urls.Absolute("/sitemap.xml")}\n", "text/plain", Encoding.UTF8);

    private async Task<List<SitemapEntry>> CollectAsync(CancellationToken cancellationToken)
    {
        var entries = new List<SitemapEntry>(HostEntries);
        foreach (var contributor in contributors)
        {
            entries.AddRange(await contributor.GetEntriesAsync(cancellationToken));
        }

        return entries;
    }
}
