using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Plan10000.Portal.Web.Caching;

/// <summary>What a cached page shows; a domain event evicts the tag of what it changed.</summary>
internal static class CacheTags
{
    /// <summary>Every cached answer: the theme and the site settings shape them all.</summary>
    public const string Site = "site";
    public const string Companies = "companies";
    public const string Content = "content";
    public const string Clubs = "clubs";
    public const string Indicators = "indicators";

    internal static readonly string[] Everything = [Companies, Content, Clubs, Indicators];
}

/// <summary>
/// The anonymous public answers that may be shared between visitors, and what each shows. A path not listed is never
/// cached: a new page is correct by default and becomes fast by being listed here. Pages composed from several
/// modules carry every tag they may show; an extra eviction costs one rebuild, a missing one shows stale figures.
/// </summary>
internal static class PublicPages
{
    private static readonly string[] CompaniesPages = [CacheTags.Companies, CacheTags.Clubs, CacheTags.Indicators];
    private static readonly string[] ContentPages = [CacheTags.Content];
    private static readonly string[] SiteOnly = [];

    private static readonly (PathString Prefix, string[] Tags)[] Sections =
    [
        ("/entreprises-engagees", CompaniesPages),
        ("/tableau-de-bord", CompaniesPages),
        ("/presse", CompaniesPages),
        ("/clubs", [CacheTags.Clubs, CacheTags.Companies]),
        ("/territoires", CacheTags.Everything),
        ("/ressources", ContentPages),
        ("/actualites", ContentPages),
        ("/pages", ContentPages),
        ("/charte", ContentPages),
        ("/flux", ContentPages),
        ("/donnees", CacheTags.Everything),
        ("/api", CacheTags.Everything),
        ("/openapi", CacheTags.Everything),
        ("/sitemap.xml", CacheTags.Everything),
        ("/plan-du-site", CacheTags.Everything),
        ("/recherche", CacheTags.Everything),
        ("/robots.txt", SiteOnly),
        ("/mentions-legales", SiteOnly),
        ("/donnees-personnelles", SiteOnly),
        ("/accessibilite", SiteOnly),
    ];

    /// <summary>The tags of a public path, or null when the path is not a shared public answer.</summary>
    public static string[]? TagsOf(PathString path)
    {
        if (path == "/")
        {
            return CacheTags.Everything;
        }

        foreach (var (prefix, tags) in Sections)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return tags;
            }
        }

        return null;
    }

    /// <summary>
    /// A request whose answer may be shared: a GET (HEAD is served as a GET) of a listed path by an anonymous visitor
    /// who holds no cookie of ours but the antiforgery one. A sign-in, two-factor or flash-message cookie means the
    /// page may be personal, so it is neither looked up nor stored.
    /// </summary>
    public static bool IsSharedRequest(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || context.User.Identity?.IsAuthenticated == true || request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return false;
        }

        if (request.Cookies.Count > 0)
        {
            var antiforgeryCookie = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
            if (request.Cookies.Keys.Any(name => name != antiforgeryCookie))
            {
                return false;
            }
        }

        return TagsOf(request.Path) is not null;
    }

    /// <summary>
    /// An answer that may be shared: 200, nothing personal in it (no antiforgery token was issued while building it,
    /// no cookie set, not marked private or no-store), and the visitor still anonymous.
    /// </summary>
    public static bool IsSharedResponse(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || context.User.Identity?.IsAuthenticated == true
            || AntiforgeryIssued.In(context)
            || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            return false;
        }

        var cacheControl = response.Headers.CacheControl.ToString();
        return !cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) && !cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase);
    }
}
