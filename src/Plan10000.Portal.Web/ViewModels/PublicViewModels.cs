using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Portal.Web.ViewModels;

public sealed record HomeViewModel(IReadOnlyList<ThemeInfo> Themes, int RegionCount, int DepartementCount, IReadOnlyList<DashboardWidget> Widgets, bool Demo);

public sealed record SitemapViewModel(IReadOnlyList<IGrouping<string, SitemapEntry>> Sections);

public sealed record SearchViewModel(string Query, IReadOnlyList<SearchResult> Results, string? Error);

public sealed record ErrorViewModel(int StatusCode, string Title, string Message)
{
    /// <summary>The request id that the 5xx log line carries, shown so that support can find it.</summary>
    public string? IncidentReference { get; init; }
}

public sealed record OpenDataCatalogViewModel(IReadOnlyList<OpenDatasetView> Datasets);

/// <summary>A dataset with what the page prints: the French date, its formats and the size of each file.</summary>
public sealed record OpenDatasetView(Plan10000.Portal.Abstractions.OpenData.OpenDataset Dataset, string LastModified, string Formats, IReadOnlyList<string> Sizes);
