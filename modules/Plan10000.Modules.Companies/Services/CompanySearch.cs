using Plan10000.Portal.Abstractions.Extensibility;

namespace Plan10000.Modules.Companies.Services;

/// <summary>Answers the portal-wide search with engaged companies, through the showcase query so consents apply.</summary>
internal sealed class CompanySearch(ShowcaseQuery showcase) : ISearchResultProvider
{
    public async Task<IReadOnlyList<SearchResult>> SearchAsync(string query, int max, CancellationToken cancellationToken)
    {
        var page = await showcase.SearchAsync(new ShowcaseFilter(query, null, null, null, null, null, null, 1, max), ShowcaseDetail.Themes, cancellationToken);
        // The town belongs to the address: shown only when the company agreed to publish it.
        return [.. page.Companies.Select(c => new SearchResult(c.Name, "/entreprises-engagees/" + c.Slug, "Entreprise engagée",
            c.Publishes(Models.PublicationItems.Address) ? $"{c.City} ({c.DepartementCode})" : $"Département {c.DepartementCode}"))];
    }
}
