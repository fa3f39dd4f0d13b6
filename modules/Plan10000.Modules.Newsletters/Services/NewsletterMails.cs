using System.Net;
using System.Text;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Abstractions.Text;

namespace Plan10000.Modules.Newsletters.Services;

/// <summary>The body rendered once per send, then one mail per recipient with its own unsubscribe link and RFC 8058 headers.</summary>
internal sealed record NewsletterBody(string Subject, string ClubName, string Html, string Text);

internal sealed class NewsletterMails(IMarkdownRenderer markdown, IPortalUrls urls)
{
    public const string Template = "lettre-club";
    public const string TestTemplate = "lettre-club-test";

    /// <summary>Sanitized HTML of the Markdown, with media addresses made absolute for mail clients.</summary>
    public string RenderHtml(string body)
        => markdown.Render(body).Replace("src=\"/medias/", "src=\"" + urls.Absolute("/medias/"), StringComparison.Ordinal)
            .Replace("href=\"/", "href=\"" + urls.Root + "/", StringComparison.Ordinal);

    public NewsletterBody Prepare(string subject, string clubName, string body) => new(subject, clubName, RenderHtml(body), markdown.PlainText(body));

    public static OutgoingMail Compose(NewsletterBody body, string to, string unsubscribeUrl, string template = Template)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(Encode(body.Subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;color:#1e1e1e;line-height:1.5;max-width:40em\">")
            .Append("<p style=\"color:#000091;font-weight:bold\">").Append(Encode("Lettre d’information — " + body.ClubName)).Append("</p>")
            .Append(body.Html)
            .Append("<hr><p style=\"font-size:0.875em\">").Append(Encode($"Vous recevez cette lettre en tant que membre ou abonné du club « {body.ClubName} ». "))
            .Append("<a href=\"").Append(Encode(unsubscribeUrl)).Append("\">Se désinscrire de cette lettre</a></p>")
            .Append("<p style=\"font-size:0.875em\">").Append(Encode(MailComposer.Signature)).Append("</p></body></html>");
        var text = new StringBuilder()
            .AppendLine("Lettre d’information — " + body.ClubName).AppendLine()
            .AppendLine(body.Text).AppendLine()
            .AppendLine("--")
            .AppendLine($"Vous recevez cette lettre en tant que membre ou abonné du club « {body.ClubName} ».")
            .AppendLine("Se désinscrire : " + unsubscribeUrl)
            .AppendLine(MailComposer.Signature);
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<" + unsubscribeUrl + ">",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return new OutgoingMail(to, body.Subject, html.ToString(), text.ToString(), template, headers);
    }

    public string UnsubscribeUrl(string token) => urls.Absolute("/lettre/desinscription?jeton=" + Uri.EscapeDataString(token));

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
