using Microsoft.AspNetCore.Antiforgery;

namespace Plan10000.Portal.Web.Caching;

/// <summary>
/// Marks the request whenever a form token is produced, whichever view or tag helper asks for it, so the output cache
/// and the compression refuse that answer structurally instead of by a list of pages.
/// </summary>
internal sealed class AntiforgeryIssued(IAntiforgery inner) : IAntiforgery
{
    private static readonly object Key = new();

    public static bool In(HttpContext context) => context.Items.ContainsKey(Key);

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        httpContext.Items[Key] = true;
        return inner.GetAndStoreTokens(httpContext);
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext)
    {
        httpContext.Items[Key] = true;
        return inner.GetTokens(httpContext);
    }

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);
}
