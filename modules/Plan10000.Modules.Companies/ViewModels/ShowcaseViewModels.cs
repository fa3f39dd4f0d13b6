using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Companies.ViewModels;

public sealed record ShowcaseFilterOptions(
    IReadOnlyList<KeyValuePair<string, string>> Regions,
    IReadOnlyList<KeyValuePair<string, string>> Departements,
    IReadOnlyList<KeyValuePair<string, string>> Themes,
    IReadOnlyList<KeyValuePair<string, string>> Publics,
    IReadOnlyList<KeyValuePair<string, string>> Sizes,
    IReadOnlyList<KeyValuePair<string, string>> Sectors);

public sealed record ShowcaseViewModel(
    string? Q, string? Region, string? Departement, string? Theme, string? Public, string? Taille, string? Secteur,
    ShowcaseFilterOptions Options, int Total, IReadOnlyList<CardModel> Cards, PaginationModel Pagination)
{
    /// <summary>« Entreprises les plus actives » nationally, or in the filtered département.</summary>
    public IReadOnlyList<ActiveCompanyView> MostActive { get; init; } = [];

    public string MostActiveScope { get; init; } = "";

    /// <summary>The département filtered on, for the link to its press kit.</summary>
    public string? PressKitUrl { get; init; }
}

public sealed record ActiveCompanyView(string Name, string Url, string Departement, int Score, string Detail);

/// <param name="Description">One sentence for search engines and link previews, built from published fields only.</param>
/// <param name="Path">The page's own path, for the canonical link and og:url.</param>
public sealed record CompanyPageViewModel(string Name, string Lead, IReadOnlyList<KeyValuePair<string, string>> Rows, IReadOnlyList<CompanyCommitmentView> Commitments, bool CommitmentsPublished, string Description, string Path);

public sealed record CompanyCommitmentView(string Theme, string Publics, string Description, string Intention);

public sealed record ProgressViewModel(int Total, int Target, int DepartementTarget, TableModel Table, ChoroplethViewModel Map);

/// <param name="Path">The SVG path of the package; null for a département drawn as a labelled box (overseas).</param>
public sealed record MapArea(string Code, string Name, string? Path, int Count, string BucketClass, string Fill, string Title);

public sealed record MapInset(MapArea Area, int X, int Y, int Width, int Height);

public sealed record MapLegendItem(string BucketClass, string Fill, string Label);

public sealed record ChoroplethViewModel(string ViewBox, IReadOnlyList<MapArea> Areas, IReadOnlyList<MapInset> Insets, IReadOnlyList<MapLegendItem> Legend, string Credit);

public sealed record PressKitViewModel(
    string Departement, string Region, string Date, IReadOnlyList<KeyValuePair<string, string>> Figures, TableModel Themes,
    IReadOnlyList<string> Clubs, IReadOnlyList<ActiveCompanyView> MostActive, TableModel Companies, string CsvUrl, string ShowcaseUrl);
