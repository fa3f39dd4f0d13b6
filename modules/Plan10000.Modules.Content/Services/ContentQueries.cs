using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Queries.Content;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Content.Services;

internal sealed record ContentFilter(ContentKind Kind, string? Query = null, int? Theme = null, string? Public = null, string? Departement = null, string? Taille = null, string? Secteur = null);

/// <summary>Reads of published content, shared by the public pages, feeds, sitemap, search and other modules.</summary>
internal sealed class ContentReader(ContentDbContext db)
{
    public const int PageSize = 12;

    internal IQueryable<ContentItem> Published(ContentKind kind)
        => db.Items.AsNoTracking().Where(i => i.Kind == kind && i.Status == ContentStatus.Published);

    internal async Task<(IReadOnlyList<ContentItem> Items, int Total, Paging Paging)> ListAsync(ContentFilter filter, int page, CancellationToken cancellationToken)
    {
        var query = Published(filter.Kind);
        foreach (var word in Text.Normalize(filter.Query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            query = query.Where(i => i.SearchText.Contains(word));
        }

        if (filter.Theme is { } theme)
        {
            var token = "," + theme + ",";
            query = query.Where(i => i.Themes.Contains(token));
        }

        if (!string.IsNullOrEmpty(filter.Public))
        {
            var token = "," + filter.Public + ",";
            query = query.Where(i => i.Publics.Contains(token));
        }

        if (!string.IsNullOrEmpty(filter.Departement))
        {
            query = query.Where(i => i.Departement == filter.Departement);
        }

        if (!string.IsNullOrEmpty(filter.Taille))
        {
            query = query.Where(i => i.Taille == filter.Taille);
        }

        if (!string.IsNullOrEmpty(filter.Secteur))
        {
            query = query.Where(i => i.Secteur == filter.Secteur);
        }

        var total = await query.CountAsync(cancellationToken);
        var paging = Paging.Of(total, PageSize, page);
        var items = await query.OrderByDescending(i => i.PublishedAt).ThenBy(i => i.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return (items, total, paging);
    }

    internal Task<ContentItem?> FindPublishedAsync(ContentKind kind, string slug, CancellationToken cancellationToken)
        => Published(kind).FirstOrDefaultAsync(i => i.Slug == slug, cancellationToken);

    internal Task<List<ContentItem>> LatestAsync(ContentKind kind, int max, CancellationToken cancellationToken)
        => Published(kind).OrderByDescending(i => i.PublishedAt).Take(max).ToListAsync(cancellationToken);

    internal Task<List<CharterVersion>> CharterVersionsAsync(CancellationToken cancellationToken)
        => db.CharterVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
}

internal sealed class ContentQuery(ContentDbContext db) : IContentQuery
{
    public async Task<CharterVersionInfo?> GetCurrentCharterAsync(CancellationToken cancellationToken = default)
        => Map(await db.CharterVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken));

    public async Task<CharterVersionInfo?> GetCharterVersionAsync(int id, CancellationToken cancellationToken = default)
        => Map(await db.CharterVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken));

    public async Task<IReadOnlyList<MediaImageInfo>> GetImagesAsync(int max, CancellationToken cancellationToken = default)
        => [.. (await db.Media.AsNoTracking().Where(m => m.ContentType.StartsWith("image/")).OrderByDescending(m => m.Id).Take(max)
                .Select(m => new { m.StoredName, m.OriginalName, m.Alt }).ToListAsync(cancellationToken))
            .Select(m => new MediaImageInfo("/medias/" + m.StoredName, m.OriginalName, m.Alt))];

    /// <summary>Dates are compared in memory: DateTimeOffset columns do not sort on SQLite, and published sheets are a few hundred.</summary>
    public async Task<IReadOnlyList<ContentHeadline>> GetBestPracticesPublishedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default)
        => [.. (await db.Items.AsNoTracking().Where(i => i.Kind == ContentKind.BonnePratique && i.Status == ContentStatus.Published && i.PublishedAt != null)
                .Select(i => new { i.Title, i.Slug, i.Summary, i.PublishedAt }).ToListAsync(cancellationToken))
            .Where(i => i.PublishedAt > since)
            .OrderByDescending(i => i.PublishedAt)
            .Take(max)
            .Select(i => new ContentHeadline(i.Title, ContentKinds.PublicUrl(ContentKind.BonnePratique, i.Slug), i.Summary, i.PublishedAt!.Value))];

    private static CharterVersionInfo? Map(CharterVersion? v) => v is null ? null : new(v.Id, v.Number, v.Title, v.Html, v.PublishedAt);
}

internal sealed class ContentSitemap(ContentDbContext db, IReferentialsQuery referentials) : ISitemapContributor
{
    public async Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(CancellationToken cancellationToken)
    {
        var items = await db.Items.AsNoTracking().Where(i => i.Status == ContentStatus.Published && i.Kind != ContentKind.Charte)
            .OrderBy(i => i.Kind).ThenBy(i => i.Title).Select(i => new { i.Kind, i.Slug, i.Title, i.UpdatedAt }).ToListAsync(cancellationToken);
        var entries = new List<SitemapEntry>
        {
            new("Charte d’engagement", "/charte", "Ressources"),
            new("Bonnes pratiques", "/ressources/bonnes-pratiques", "Ressources"),
            new("Fiches pratiques dispositifs", "/ressources/dispositifs", "Ressources"),
            new("Actualités", "/actualites", "Actualités"),
        };
        entries.AddRange(items.Select(i => new SitemapEntry(i.Title, ContentKinds.PublicUrl(i.Kind, i.Slug), i.Kind switch
        {
            ContentKind.Actualite => "Actualités",
            ContentKind.Page => "Pages",
            _ => "Ressources",
        }, i.UpdatedAt)));
        entries.AddRange((await referentials.GetDepartementsAsync(cancellationToken)).Select(d => new SitemapEntry($"Kit territorial : {d.Nom} ({d.Code})", "/territoires/" + d.Code, "Kits territoriaux")));
        return entries;
    }
}

internal sealed class ContentSearch(ContentDbContext db) : ISearchResultProvider
{
    public async Task<IReadOnlyList<SearchResult>> SearchAsync(string query, int max, CancellationToken cancellationToken)
    {
        var items = db.Items.AsNoTracking().Where(i => i.Status == ContentStatus.Published);
        foreach (var word in Text.Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            items = items.Where(i => i.SearchText.Contains(word));
        }

        var found = await items.OrderByDescending(i => i.PublishedAt).Take(max).Select(i => new { i.Kind, i.Slug, i.Title, i.Summary }).ToListAsync(cancellationToken);
        return [.. found.Select(i => new SearchResult(i.Title, ContentKinds.PublicUrl(i.Kind, i.Slug), ContentKinds.Label(i.Kind), i.Summary))];
    }
}
