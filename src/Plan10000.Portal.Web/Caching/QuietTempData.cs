using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Plan10000.Portal.Web.Caching;

/// <summary>
/// A page that only looks for a flash message (TempData) made the cookie provider expire a cookie the visitor never
/// had; that <c>Set-Cookie</c> kept every such page out of the output cache. With nothing to save and no cookie to
/// delete, nothing is written.
/// </summary>
internal sealed class QuietTempData(ITempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            return;
        }

        inner.SaveTempData(context, values);
    }
}
