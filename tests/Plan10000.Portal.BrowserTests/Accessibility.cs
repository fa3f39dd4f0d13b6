using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Plan10000.Portal.BrowserTests;

/// <summary>The one accessibility check of the browser tests: axe-core on the page as shown, and a screenshot of it to read.</summary>
internal static class Accessibility
{
    private static int shots;

    /// <summary>Where screenshots go: <c>PORTAL_SCREENSHOTS</c> (set by <c>./build.sh test</c>), else a folder under the temp directory.</summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "plan10000-screenshots");

    /// <summary>Runs axe and keeps a full-page screenshot named after the page's path, so a failure can be looked at.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        await ScreenshotAsync(page);
        return Serious(result);
    }

    public static async Task ScreenshotAsync(IPage page)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = new Uri(page.Url).PathAndQuery.Trim('/');
        var name = string.Concat((path.Length == 0 ? "accueil" : path).Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        var file = Path.Combine(ScreenshotDirectory, $"{Interlocked.Increment(ref shots):D3}-{name[..Math.Min(name.Length, 80)]}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
    }

    public static IReadOnlyList<string> Serious(AxeResult result)
        => [.. result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}) : {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")];
}
