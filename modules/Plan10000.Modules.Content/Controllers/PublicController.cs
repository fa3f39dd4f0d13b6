using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Services;
using Plan10000.Modules.Content.ViewModels;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Abstractions.Ui;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Content.Controllers;

/// <summary>The public site: listings with filters, detail pages, the charter with its versions, free pages and RSS feeds.</summary>
[Area("Content")]
public sealed class PublicController(ISiteSettings settings) : Controller
{
    // The module's services are internal: a public controller takes them from the request's services rather than its constructor.
    private ContentReader Reader => HttpContext.RequestServices.GetRequiredService<ContentReader>();

    private PageBuilder Pages => HttpContext.RequestServices.GetRequiredService<PageBuilder>();

    [HttpGet("ressources/bonnes-pratiques")]
    public Task<IActionResult> Practices(string? q, string? theme, string? @public, string? departement, string? taille, string? secteur, int page = 1, CancellationToken cancellationToken = default)
        => ListAsync(ContentKind.BonnePratique, "Bonnes pratiques", "Des actions concrètes menées par les entreprises engagées, avec leurs résultats.", "/ressources/bonnes-pratiques", "/flux/bonnes-pratiques.xml",
            q, theme, @public, departement, taille, secteur, page, true, cancellationToken);

    [HttpGet("ressources/dispositifs")]
    public Task<IActionResult> Schemes(string? q, string? theme, int page = 1, CancellationToken cancellationToken = default)
        => ListAsync(ContentKind.Dispositif, "Fiches pratiques dispositifs", "Les dispositifs publics mobilisables, thématique par thématique, et le service de l’État compétent.", "/ressources/dispositifs", "/flux/dispositifs.xml",
            q, theme, null, null, null, null, page, false, cancellationToken);

    [HttpGet("actualites")]
    public Task<IActionResult> News(string? q, int page = 1, CancellationToken cancellationToken = default)
        => ListAsync(ContentKind.Actualite, "Actualités", "Les nouvelles du programme « La France, une chance. Les entreprises s’engagent ».", "/actualites", "/flux/actualites.xml",
            q, null, null, null, null, null, page, false, cancellationToken);

    [HttpGet("ressources/bonnes-pratiques/{slug}")]
    public Task<IActionResult> Practice(string slug, CancellationToken cancellationToken) => DetailAsync(ContentKind.BonnePratique, slug, cancellationToken);

    [HttpGet("ressources/dispositifs/{slug}")]
    public Task<IActionResult> Scheme(string slug, CancellationToken cancellationToken) => DetailAsync(ContentKind.Dispositif, slug, cancellationToken);

    [HttpGet("actualites/{slug}")]
    public Task<IActionResult> NewsItem(string slug, CancellationToken cancellationToken) => DetailAsync(ContentKind.Actualite, slug, cancellationToken);

    [HttpGet("pages/{slug}")]
    public Task<IActionResult> FreePage(string slug, CancellationToken cancellationToken) => DetailAsync(ContentKind.Page, slug, cancellationToken);

    [HttpGet("charte")]
    public Task<IActionResult> Charter(CancellationToken cancellationToken) => CharterAsync(null, cancellationToken);

    [HttpGet("charte/versions/{number:int}")]
    public Task<IActionResult> CharterVersion(int number, CancellationToken cancellationToken) => CharterAsync(number, cancellationToken);

    /// <summary>The charter page shows a published version row (what companies sign), not the editable item.</summary>
    private async Task<IActionResult> CharterAsync(int? number, CancellationToken cancellationToken)
    {
        var versions = await Reader.CharterVersionsAsync(cancellationToken);
        var version = number is null ? versions.FirstOrDefault() : versions.FirstOrDefault(v => v.Number == number);
        if (version is null)
        {
            if (number is not null)
            {
                return NotFound();
            }

            return View("Detail", new DetailViewModel("Charte d’engagement", "La charte n’est pas encore publiée.", "", "Charte", [new("Accueil", "/")], "/charte",
                null, null, "Charte d’engagement", "La charte commune des entreprises engagées.", [], [], [], null, "", false, []));
        }

        var current = versions[0];
        var history = versions.Select(v => new Link($"Version {v.Number} du {ParisTime.Date(v.PublishedAt)}{(v.Number == current.Number ? " (en vigueur)" : "")}", $"/charte/versions/{v.Number}")).ToList();
        var title = version.Number == current.Number ? version.Title : $"{version.Title} — version {version.Number} (remplacée)";
        var summary = $"Version {version.Number}, publiée le {ParisTime.Date(version.PublishedAt)}.";
        return View("Detail", new DetailViewModel(title, summary, version.Html, "Charte", number is null ? [new("Accueil", "/")] : [new("Accueil", "/"), new("Charte", "/charte")],
            number is null ? "/charte" : $"/charte/versions/{number}", null, null, version.Title, "La charte commune des entreprises engagées dans le programme.", [], [], [],
            ParisTime.Date(version.PublishedAt), "", false, history));
    }

    private async Task<IActionResult> DetailAsync(ContentKind kind, string slug, CancellationToken cancellationToken)
    {
        var item = await Reader.FindPublishedAsync(kind, slug, cancellationToken);
        return item is null ? NotFound() : View("Detail", await Pages.DetailAsync(item, false, cancellationToken));
    }

    private async Task<IActionResult> ListAsync(ContentKind kind, string title, string lead, string path, string feed, string? q, string? theme, string? @public, string? departement, string? taille, string? secteur, int page, bool companyFilters, CancellationToken cancellationToken)
    {
        var lookups = await Pages.LookupsAsync(cancellationToken);
        int? themeNumber = int.TryParse(theme, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        var (items, total, paging) = await Reader.ListAsync(new ContentFilter(kind, q?.Trim(), themeNumber, @public, departement, taille, secteur), page, cancellationToken);
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Append(CultureInfo.InvariantCulture, $"{name}={Uri.EscapeDataString(value)}&");
            }
        }

        Add("q", q);
        Add("theme", theme);
        Add("public", @public);
        Add("departement", departement);
        Add("taille", taille);
        Add("secteur", secteur);
        var cards = items.Select(i => new CardModel(i.Title, ContentKinds.PublicUrl(i.Kind, i.Slug), i.Summary,
            i.PublishedAt is { } p ? "Publié le " + ParisTime.Date(p) : null,
            [.. i.ThemeNumbers.Select(n => new TagModel(lookups.ThemeLabel(n)))], i.CoverUrl, i.CoverAlt ?? "")).ToList();
        return View("List", new ListingViewModel(title, lead, path, feed, cards, total, paging.Links(path + "?" + query.ToString().Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) + "page={0}"),
            q, theme, @public, departement, taille, secteur, lookups, companyFilters));
    }

    [HttpGet("flux/{type}.xml")]
    public async Task<IActionResult> Feed(string type, CancellationToken cancellationToken)
    {
        var (kind, title, path) = type switch
        {
            "bonnes-pratiques" => (ContentKind.BonnePratique, "Bonnes pratiques", "/ressources/bonnes-pratiques"),
            "actualites" => (ContentKind.Actualite, "Actualités", "/actualites"),
            "dispositifs" => (ContentKind.Dispositif, "Fiches pratiques dispositifs", "/ressources/dispositifs"),
            _ => ((ContentKind)(-1), "", ""),
        };
        if (path.Length == 0)
        {
            return NotFound();
        }

        var items = await Reader.LatestAsync(kind, 50, cancellationToken);
        var root = HttpContext.RequestServices.GetRequiredService<IPortalUrls>().Root;
        var buffer = new MemoryStream();
        // XmlWriter escapes every title and text, so the feed stays well-formed whatever an author typed.
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true, Indent = true }))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", $"{title} — {settings.Current.SiteName}");
            xml.WriteElementString("link", root + path);
            xml.WriteElementString("description", $"{title} du programme « La France, une chance. Les entreprises s’engagent ».");
            xml.WriteElementString("language", "fr-FR");
            xml.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("href", $"{root}/flux/{type}.xml");
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            if (items.Count > 0)
            {
                xml.WriteElementString("lastBuildDate", items.Max(i => i.PublishedAt ?? i.UpdatedAt).ToString("r", CultureInfo.InvariantCulture));
            }

            foreach (var item in items)
            {
                var url = root + ContentKinds.PublicUrl(item.Kind, item.Slug);
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.Title);
                xml.WriteElementString("link", url);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(url);
                xml.WriteEndElement();
                xml.WriteElementString("description", item.Summary);
                xml.WriteElementString("pubDate", (item.PublishedAt ?? item.UpdatedAt).ToString("r", CultureInfo.InvariantCulture));
                foreach (var tag in item.TagList)
                {
                    xml.WriteElementString("category", tag);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }

        return File(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }
}

/// <summary>
/// A draft shown exactly as the public will see it (public theme, same view), outside /admin so the public theme
/// renders it; only people who may edit content reach it, and it tells robots to stay away.
/// </summary>
[Area("Content")]
[Authorize(Policy = PermissionPolicy.Prefix + Permissions.EditContent)]
public sealed class PreviewController(ContentDbContext db) : Controller
{
    private PageBuilder Pages => HttpContext.RequestServices.GetRequiredService<PageBuilder>();

    [HttpGet("contenus/apercu/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
        return View("~/Areas/Content/Views/Public/Detail.cshtml", await Pages.DetailAsync(item, true, cancellationToken));
    }
}

/// <summary>Media files, read from the configured store with the type detected at upload.</summary>
[Area("Content")]
public sealed class MediaFileController(ContentDbContext db) : Controller
{
    private MediaStore Store => HttpContext.RequestServices.GetRequiredService<MediaStore>();

    [HttpGet("medias/{name}")]
    public async Task<IActionResult> Get(string name, CancellationToken cancellationToken)
    {
        var media = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.StoredName == name, cancellationToken);
        var content = media is null ? null : await Store.OpenReadAsync(media, cancellationToken);
        if (content is null)
        {
            return NotFound();
        }

        // A stored name never gets other bytes, so it is its own validator; both stores answer 304 and ranges alike.
        var tag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + media!.StoredName + "\"");
        // PDFs open as downloads under their original name rather than inside the portal's origin.
        return File(content, media.ContentType, media.IsImage ? null : media.OriginalName, media.UploadedAt, tag, enableRangeProcessing: true);
    }
}
