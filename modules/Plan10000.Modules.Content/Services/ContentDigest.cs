using System.Net;
using System.Text;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Queries.Content;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Content.Services;

/// <summary>
/// The « Nouvelles fiches » section of the digests: best-practice sheets published since the last digest.
/// The section is the same for every recipient: built once per digest run (scoped instance), not once per user.
/// </summary>
internal sealed class ContentDigest(IContentQuery content, IPortalUrls urls) : IDigestContributor
{
    private (DateTimeOffset Since, DigestSection? Section)? built;

    public string Category => DigestCategories.Contenus;

    public async Task<DigestSection?> BuildSectionAsync(string recipientUserId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (built is { } b && b.Since == since)
        {
            return b.Section;
        }

        var section = await BuildAsync(since, cancellationToken);
        built = (since, section);
        return section;
    }

    private async Task<DigestSection?> BuildAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var sheets = await content.GetBestPracticesPublishedSinceAsync(since, 20, cancellationToken);
        if (sheets.Count == 0)
        {
            return null;
        }

        var html = new StringBuilder("<ul>");
        var text = new StringBuilder();
        foreach (var sheet in sheets)
        {
            var url = urls.Absolute(sheet.Url);
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(sheet.Title)).Append("</a></li>");
            text.Append("- ").Append(sheet.Title).Append(" : ").AppendLine(url);
        }

        html.Append("</ul>");
        var title = sheets.Count == 1 ? "1 nouvelle fiche bonne pratique" : $"{sheets.Count} nouvelles fiches bonnes pratiques";
        return new DigestSection(title, html.ToString(), text.ToString());
    }
}
