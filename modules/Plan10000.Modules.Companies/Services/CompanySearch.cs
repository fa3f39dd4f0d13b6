using Plan10000.Portal.Abstractions.Extensibility;

namespace Plan10000.Modules.Companies.Services;

/// <summary>Answers the portal-wide search with engaged companies, through the showcase query so consents apply.</summary>
internal sealed class CompanySearch(ShowcaseQuery showcase) : ISearchResultProvider
{
    public async Task<IReadOnlyList<SearchResult>> SearchAsync(string query, int max, CancellationToken cancellationToken)
    {
        var page = await showcase.SearchAsync(new ShowcaseFilter(query, null, null, null, null, null, null, 1, max), cancellationToken);
        return [.. page.Companies.Select(c => new SearchResult(c.Name, "/entreprises-engagees/" + c.Slug, "Entreprise engagée", $"{c.City} ({c.DepartementCode})"))];
    }
}
