using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Plan10000.Portal.Abstractions.Api;

/// <summary>Links of a page of an API list, root-relative so that a cached answer never names a host it was not asked by.</summary>
[DisplayName("Liens")]
[Description("Adresses des pages voisines, avec les mêmes filtres (relatives à la racine du portail).")]
public sealed record PageLinks(
    [property: Description("Première page.")][property: ApiExample("/api/v1/entreprises?departement=59&page=1")] string Premiere,
    [property: Description("Page précédente ; null sur la première.")][property: ApiExample("/api/v1/entreprises?departement=59&page=1")] string? Precedente,
    [property: Description("Page suivante ; null sur la dernière.")][property: ApiExample("/api/v1/entreprises?departement=59&page=3")] string? Suivante,
    [property: Description("Dernière page.")][property: ApiExample("/api/v1/entreprises?departement=59&page=5")] string Derniere);

public static class ApiPaging
{
    /// <summary>
    /// Builds the links of <paramref name="page"/> and writes them into an RFC 8288 <c>Link</c> header (rel first, prev,
    /// next, last). The query keeps every parameter of the request, sorted by name, with <c>page</c> last, so one page has one
    /// address whatever order the client wrote its parameters in.
    /// </summary>
    public static PageLinks Links(HttpContext context, int page, int pageCount)
    {
        var request = context.Request;
        var kept = request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(q.Value.ToString()))
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .ToList();
        string Url(int n) => QueryHelpers.AddQueryString(request.PathBase + request.Path, [.. kept, new("page", n.ToString(CultureInfo.InvariantCulture))]);

        var links = new PageLinks(Url(1), page > 1 ? Url(page - 1) : null, page < pageCount ? Url(page + 1) : null, Url(pageCount));
        var header = new List<string> { $"<{links.Premiere}>; rel=\"first\"" };
        if (links.Precedente is not null)
        {
            header.Add($"<{links.Precedente}>; rel=\"prev\"");
        }

        if (links.Suivante is not null)
        {
            header.Add($"<{links.Suivante}>; rel=\"next\"");
        }

        header.Add($"<{links.Derniere}>; rel=\"last\"");
        context.Response.Headers.Link = string.Join(", ", header);
        return links;
    }
}
