using System.Net;
using System.Text;

namespace Plan10000.Portal.Abstractions.Mail;

/// <summary>
/// The portal's mail template: a greeting, paragraphs and an optional action link, rendered once as HTML (encoded)
/// and once as plain text, so every mail has both parts and the same words.
/// </summary>
public static class MailComposer
{
    public const string Signature = "L’équipe du programme « La France, une chance. Les entreprises s’engagent »";

    public static OutgoingMail Compose(string to, string subject, string template, string greeting, IReadOnlyList<string> paragraphs, (string Label, string Url)? action = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;color:#1e1e1e;line-height:1.5\">")
            .Append("<p>").Append(Encode(greeting)).Append("</p>");
        var text = new StringBuilder().AppendLine(greeting).AppendLine();
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>");
            text.AppendLine(paragraph).AppendLine();
        }

        if (action is { } link)
        {
            html.Append("<p><a href=\"").Append(Encode(link.Url)).Append("\">").Append(Encode(link.Label)).Append("</a></p>");
            text.AppendLine(link.Label + " : " + link.Url).AppendLine();
        }

        html.Append("<p>").Append(Encode(Signature)).Append("</p></body></html>");
        text.AppendLine(Signature);
        return new OutgoingMail(to, subject, html.ToString(), text.ToString(), template);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
