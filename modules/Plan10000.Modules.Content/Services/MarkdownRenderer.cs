using Ganss.Xss;
using Markdig;
using Plan10000.Portal.Abstractions.Text;

namespace Plan10000.Modules.Content.Services;

/// <summary>
/// Markdown → HTML → sanitized HTML. Authors may type raw HTML in Markdown; whatever they type is kept in the
/// database as written and only the rendered output is cleaned, so no script, event handler or javascript: URL
/// reaches a page, while headings keep their anchors and tables and images stay.
/// </summary>
internal sealed class MarkdownRenderer : IMarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        // ASCII-only anchors: « Piège » gets #piege, an address people can type and share.
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.Default)
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string Render(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? "" : Sanitize(Markdown.ToHtml(markdown, pipeline));

    public string Sanitize(string html) => sanitizer.Sanitize(html);

    /// <summary>Plain text of a Markdown body, for excerpts, feeds and the search column.</summary>
    public string PlainText(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup",
                "blockquote", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption",
                "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "abbr", "span", "div",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "id", "href", "title", "src", "alt", "width", "height", "colspan", "rowspan", "scope", "start", "lang",
            },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        var sanitizer = new HtmlSanitizer(options);
        // Links leaving the portal must not get a handle on it (window.opener).
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link && link.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
