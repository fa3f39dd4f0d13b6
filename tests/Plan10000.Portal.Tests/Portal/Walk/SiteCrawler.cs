using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Plan10000.Portal.Tests.Portal.Walk;

public sealed record WalkField(string Name, string Value, bool IsFile = false);

/// <summary>A form as a browser would submit it: its fields with the values the page gave them.</summary>
public sealed record WalkForm(string PageUrl, string Method, string Action, bool Multipart, IReadOnlyList<WalkField> Fields)
{
    public string ActionPath => Action.Split('?')[0];
}

public sealed record WalkPage(string Url, HttpStatusCode Status, IReadOnlyList<WalkForm> Forms);

/// <summary>
/// Follows every link a user is shown, as that user, from the entry pages of his space: the pages he reaches and the
/// forms on them. A few URLs per route are enough (one company page stands for all of them).
/// </summary>
public sealed class SiteCrawler(HttpClient client, RouteCatalog catalog, int perRoute = 3, int maxPages = 260)
{
    private static readonly HtmlParser Parser = new();

    public Dictionary<string, WalkPage> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>An antiforgery token issued to this client (tokens are bound to the user, not to one form).</summary>
    public string? Token { get; private set; }

    public async Task CrawlAsync(params string[] entries)
    {
        var queue = new Queue<string>(entries);
        var perPattern = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(entries, StringComparer.Ordinal);
        while (queue.Count > 0 && Pages.Count < maxPages)
        {
            var url = queue.Dequeue();
            var match = catalog.Match("GET", url.Split('?')[0]);
            if (match is null)
            {
                continue;
            }

            var key = match.Value.Route.Display;
            if (perPattern.GetValueOrDefault(key) >= perRoute)
            {
                continue;
            }

            perPattern[key] = perPattern.GetValueOrDefault(key) + 1;
            using var response = await client.GetAsync(url);
            var forms = new List<WalkForm>();
            if (response.Content.Headers.ContentType?.MediaType == "text/html" && response.IsSuccessStatusCode)
            {
                var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
                foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
                {
                    if (Local(href, url) is { } next && !IsSignOut(next) && seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }

                forms.AddRange(document.Forms.Select(f => Read(f, url)));
                Token ??= forms.SelectMany(f => f.Fields).FirstOrDefault(f => f.Name == "__RequestVerificationToken")?.Value;
            }

            Pages[url] = new WalkPage(url, response.StatusCode, forms);
        }
    }

    public IEnumerable<WalkForm> Forms => Pages.Values.SelectMany(p => p.Forms);

    public static bool IsSignOut(string url) => url.StartsWith("/compte/deconnexion", StringComparison.Ordinal);

    private static WalkForm Read(IHtmlFormElement form, string pageUrl)
    {
        var fields = new List<WalkField>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value, input.Type == "file"));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : select.Options.Length > 0 ? select.Options[0].Value : ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlButtonElement button when button.Type == "submit" && fields.All(f => f.Name != name):
                    fields.Add(new(name, button.Value));
                    break;
            }
        }

        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        var action = Local(form.GetAttribute("action") ?? pageUrl, pageUrl) ?? pageUrl;
        return new WalkForm(pageUrl, method, action, string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase), fields);
    }

    /// <summary>The path and query of a link on this site, or null for another site, an anchor, mail or script.</summary>
    private static string? Local(string href, string pageUrl)
    {
        href = WebUtility.HtmlDecode(href.Trim());
        if (href.Length == 0 || href.StartsWith('#'))
        {
            return null;
        }

        if (!Uri.TryCreate(new Uri("http://localhost" + pageUrl), href, out var uri) || uri.Host != "localhost" || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return uri.AbsolutePath + uri.Query;
    }
}
