namespace Plan10000.Modules.Content.Models;

internal enum ContentKind
{
    Page = 0,
    Charte = 1,
    BonnePratique = 2,
    Dispositif = 3,
    Actualite = 4,
}

/// <summary>Draft → submitted → published → unpublished or archived; a published item can go back to draft by editing.</summary>
internal enum ContentStatus
{
    Draft = 0,
    Submitted = 1,
    Published = 2,
    Unpublished = 3,
    Archived = 4,
}

/// <summary>
/// One content item of any kind: the common fields plus the few each kind adds (empty for the others).
/// One table keeps listing, search, workflow and history the same for every kind.
/// </summary>
internal sealed class ContentItem
{
    public int Id { get; set; }

    public ContentKind Kind { get; set; }

    public ContentStatus Status { get; set; }

    public string Title { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>Markdown exactly as the author typed it; sanitized only when rendered.</summary>
    public string Body { get; set; } = "";

    public string? CoverUrl { get; set; }

    public string? CoverAlt { get; set; }

    public string? SeoTitle { get; set; }

    public string? SeoDescription { get; set; }

    /// <summary>Comma-separated free tags.</summary>
    public string Tags { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public string? AuthorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? PublishAt { get; set; }

    public DateTimeOffset? UnpublishAt { get; set; }

    /// <summary>Theme numbers wrapped in commas (",3,7,") so a filter is a plain Contains on every provider.</summary>
    public string Themes { get; set; } = ",";

    /// <summary>Public codes wrapped in commas, like <see cref="Themes"/>.</summary>
    public string Publics { get; set; } = ",";

    public string? Taille { get; set; }

    public string? Secteur { get; set; }

    public string? Departement { get; set; }

    public string? CompanyId { get; set; }

    public string? Results { get; set; }

    public string? Contact { get; set; }

    public string? ServiceCompetent { get; set; }

    public string? Eligibility { get; set; }

    public string? HowToApply { get; set; }

    public string? UsefulLinks { get; set; }

    /// <summary>Lower-case, accent-stripped title, summary, tags and body: accent-insensitive search with LIKE on SQLite and PostgreSQL alike.</summary>
    public string SearchText { get; set; } = "";

    public IEnumerable<int> ThemeNumbers => Themes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);

    public IEnumerable<string> PublicCodes => Publics.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IEnumerable<string> TagList => Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A snapshot taken at every save: who, when, and every editable field (JSON), for history, diff and restore.</summary>
internal sealed class ContentVersion
{
    public int Id { get; set; }

    public int ContentItemId { get; set; }

    public int Number { get; set; }

    public string Snapshot { get; set; } = "";

    public string AuthorName { get; set; } = "";

    public string? AuthorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Note { get; set; } = "";
}

/// <summary>A published charter text. Rows are only ever added, so a signature's version id always shows what was signed.</summary>
internal sealed class CharterVersion
{
    public int Id { get; set; }

    public int Number { get; set; }

    public int ContentItemId { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public string Html { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }
}

internal sealed class MediaFile
{
    public int Id { get; set; }

    /// <summary>Random name on disk (with the extension matching the detected type), never the uploaded name.</summary>
    public string StoredName { get; set; } = "";

    public string OriginalName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string? Alt { get; set; }

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }

    public string SearchText { get; set; } = "";

    public string Url => "/medias/" + StoredName;

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>The bytes of a media file when the database store is chosen (ADR 0027).</summary>
internal sealed class MediaBlob
{
    public string StoredName { get; set; } = "";

    public byte[] Data { get; set; } = [];
}

/// <summary>A département's employment context, entered by its referents.</summary>
internal sealed class TerritorialKit
{
    public string DepartementCode { get; set; } = "";

    public int? QpvCount { get; set; }

    public int? QpvPopulation { get; set; }

    public int? DefmQpv { get; set; }

    public int? PruCount { get; set; }

    public string? Introduction { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>A referent contact of an intermediation structure in a département.</summary>
internal sealed class KitContact
{
    public int Id { get; set; }

    public string DepartementCode { get; set; } = "";

    public string Structure { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }
}

internal static class Structures
{
    public static readonly IReadOnlyList<KeyValuePair<string, string>> All =
    [
        new("pole-emploi", "Pôle emploi / France Travail"),
        new("mission-locale", "Mission locale"),
        new("cap-emploi", "Cap emploi"),
        new("iae", "Insertion par l’activité économique (IAE)"),
        new("ea", "Entreprise adaptée (EA)"),
    ];

    public static string Label(string code) => All.FirstOrDefault(s => s.Key == code).Value ?? code;
}

internal static class ContentKinds
{
    public static string Label(ContentKind kind) => kind switch
    {
        ContentKind.Page => "Page",
        ContentKind.Charte => "Charte",
        ContentKind.BonnePratique => "Fiche bonne pratique",
        ContentKind.Dispositif => "Fiche pratique dispositif",
        ContentKind.Actualite => "Actualité",
        _ => kind.ToString(),
    };

    public static string StatusLabel(ContentStatus status) => status switch
    {
        ContentStatus.Draft => "Brouillon",
        ContentStatus.Submitted => "Soumis à validation",
        ContentStatus.Published => "Publié",
        ContentStatus.Unpublished => "Dépublié",
        ContentStatus.Archived => "Archivé",
        _ => status.ToString(),
    };

    /// <summary>The public address of an item; the charter has one page whatever its slug.</summary>
    public static string PublicUrl(ContentKind kind, string slug) => kind switch
    {
        ContentKind.Page => "/pages/" + slug,
        ContentKind.Charte => "/charte",
        ContentKind.BonnePratique => "/ressources/bonnes-pratiques/" + slug,
        ContentKind.Dispositif => "/ressources/dispositifs/" + slug,
        _ => "/actualites/" + slug,
    };

    public static bool TryParseSlug(string value, out ContentKind kind)
    {
        kind = value switch
        {
            "page" => ContentKind.Page,
            "charte" => ContentKind.Charte,
            "bonne-pratique" => ContentKind.BonnePratique,
            "dispositif" => ContentKind.Dispositif,
            "actualite" => ContentKind.Actualite,
            _ => (ContentKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    public static string ToSlug(ContentKind kind) => kind switch
    {
        ContentKind.Page => "page",
        ContentKind.Charte => "charte",
        ContentKind.BonnePratique => "bonne-pratique",
        ContentKind.Dispositif => "dispositif",
        _ => "actualite",
    };
}
