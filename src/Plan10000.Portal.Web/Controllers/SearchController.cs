using Microsoft.AspNetCore.Mvc;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Web.ViewModels;

namespace Plan10000.Portal.Web.Controllers;

/// <summary>The header's search field: every module that provides results answers.</summary>
public sealed class SearchController(IEnumerable<ISearchResultProvider> providers) : Controller
{
    private const int MaxPerProvider = 20;

    [HttpGet("/recherche")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        if (query.Length == 0)
        {
            return View(new SearchViewModel("", [], null));
        }

        if (query.Length < 2 || query.Length > 100)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new SearchViewModel(query, [], "Saisissez entre 2 et 100 caractères."));
        }

        var results = new List<SearchResult>();
        foreach (var provider in providers)
        {
            results.AddRange(await provider.SearchAsync(query, MaxPerProvider, cancellationToken));
        }

        return View(new SearchViewModel(query, results, null));
    }
}
