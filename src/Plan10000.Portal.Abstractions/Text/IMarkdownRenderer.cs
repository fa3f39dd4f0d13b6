namespace Plan10000.Portal.Abstractions.Text;

/// <summary>
/// Markdown → sanitized HTML, the one renderer of the portal (Content module): no script, event handler or
/// javascript: URL survives, whatever the author typed. Other modules (newsletters) render through it.
/// </summary>
public interface IMarkdownRenderer
{
    string Render(string? markdown);

    /// <summary>Plain text of a Markdown body, for the text part of a mail or an excerpt.</summary>
    string PlainText(string? markdown);
}
