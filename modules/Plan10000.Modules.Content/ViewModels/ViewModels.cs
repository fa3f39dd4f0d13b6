using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Services;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Content.ViewModels;

/// <summary>What the edit form posts. Strings stay as typed so nothing is lost when the form comes back with errors.</summary>
public sealed class ContentForm
{
    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public string? CoverUrl { get; set; }

    public string? CoverAlt { get; set; }

    public string? SeoTitle { get; set; }

    public string? SeoDescription { get; set; }

    public string? Tags { get; set; }

    public List<string> Themes { get; set; } = [];

    public List<string> Publics { get; set; } = [];

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
}

/// <summary>Reference lists the forms and filters offer, read through IReferentialsQuery.</summary>
public sealed record Lookups(
    IReadOnlyList<ThemeInfo> Themes,
    IReadOnlyList<ReferenceItem> Publics,
    IReadOnlyList<ReferenceItem> Tailles,
    IReadOnlyList<ReferenceItem> Secteurs,
    IReadOnlyList<DepartementInfo> Departements)
{
    public IReadOnlyList<KeyValuePair<string, string>> ThemeOptions => [.. Themes.Select(t => new KeyValuePair<string, string>(t.Numero.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{t.Numero}. {t.Libelle}"))];

    public IReadOnlyList<KeyValuePair<string, string>> PublicOptions => [.. Publics.Select(p => new KeyValuePair<string, string>(p.Code, p.Libelle))];

    public IReadOnlyList<KeyValuePair<string, string>> TailleOptions => [.. Tailles.Select(p => new KeyValuePair<string, string>(p.Code, p.Libelle))];

    public IReadOnlyList<KeyValuePair<string, string>> SecteurOptions => [.. Secteurs.Select(p => new KeyValuePair<string, string>(p.Code, p.Libelle))];

    public IReadOnlyList<KeyValuePair<string, string>> DepartementOptions => [.. Departements.Select(d => new KeyValuePair<string, string>(d.Code, $"{d.Code} — {d.Nom}"))];

    public string ThemeLabel(int numero) => Themes.FirstOrDefault(t => t.Numero == numero)?.Libelle ?? numero.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Label(IReadOnlyList<ReferenceItem> list, string? code) => list.FirstOrDefault(i => i.Code == code)?.Libelle ?? code ?? "";

    public string DepartementLabel(string? code) => Departements.FirstOrDefault(d => d.Code == code) is { } d ? $"{d.Nom} ({d.Code})" : code ?? "";
}

public sealed record EditViewModel(int? Id, string KindSlug, string KindLabel, string Status, ContentForm Form, Lookups Lookups, bool CanPublish, string? PublishAt, string? UnpublishAt, string? PublicUrl, IReadOnlyList<KeyValuePair<string, string>> Images);

public sealed record AdminListViewModel(IReadOnlyList<CardModel> Items, string? Kind, string? Status, string? Query);

public sealed record HistoryViewModel(int Id, string Title, IReadOnlyList<VersionRow> Versions);

public sealed record VersionRow(int Number, string Author, string When, string Note);

public sealed record DiffField(string Label, string Before, string After);

public sealed record DiffViewModel(int Id, string Title, int From, int To, IReadOnlyList<DiffField> Fields, IReadOnlyList<KeyValuePair<string, string>> BodyLines);

/// <summary>A public detail page, also used by the preview so a draft looks exactly as it will once published.</summary>
public sealed record DetailViewModel(
    string Title,
    string Summary,
    string Html,
    string KindLabel,
    IReadOnlyList<Link> Breadcrumb,
    string CanonicalUrl,
    string? CoverUrl,
    string? CoverAlt,
    string SeoTitle,
    string SeoDescription,
    IReadOnlyList<TagModel> Tags,
    IReadOnlyList<KeyValuePair<string, string>> Facts,
    IReadOnlyList<(string Title, string Html)> Sections,
    string? Published,
    string Author,
    bool IsPreview,
    IReadOnlyList<Link>? CharterHistory = null);

public sealed record ListingViewModel(
    string Title,
    string Lead,
    string Path,
    string FeedUrl,
    IReadOnlyList<CardModel> Items,
    int Total,
    PaginationModel Pagination,
    string? Query,
    string? Theme,
    string? Public,
    string? Departement,
    string? Taille,
    string? Secteur,
    Lookups Lookups,
    bool ShowCompanyFilters);

public sealed record MediaListViewModel(IReadOnlyList<MediaRow> Items, string? Query, string? Error, string? Alt);

public sealed record MediaRow(int Id, string Name, string Url, string Type, string Size, string? Alt, string UploadedAt);

public sealed record KitViewModel(
    DepartementInfo Departement,
    KitFigures Figures,
    IReadOnlyList<(ThemeInfo Theme, IReadOnlyList<CardModel> Sheets)> Themes,
    IReadOnlyList<(string Structure, IReadOnlyList<KitContactForm> Contacts)> Contacts,
    bool CanEdit,
    string? UpdatedAt);

public sealed class KitFigures
{
    public string? QpvCount { get; set; }

    public string? QpvPopulation { get; set; }

    public string? DefmQpv { get; set; }

    public string? PruCount { get; set; }

    public string? Introduction { get; set; }
}

public sealed class KitContactForm
{
    public int Id { get; set; }

    public string? Structure { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }
}

public sealed record KitEditViewModel(DepartementInfo Departement, KitFigures Figures, IReadOnlyList<KitContactForm> Contacts, KitContactForm NewContact);

public sealed record KitIndexViewModel(IReadOnlyList<DepartementInfo> Departements);
