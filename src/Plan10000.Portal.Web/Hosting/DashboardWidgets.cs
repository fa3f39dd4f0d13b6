using Plan10000.Portal.Abstractions.Extensibility;

namespace Plan10000.Portal.Web.Hosting;

internal static class DashboardWidgets
{
    /// <summary>Every module's figures in display order; the public home page keeps only those marked public.</summary>
    public static async Task<IReadOnlyList<DashboardWidget>> CollectAsync(this IEnumerable<IDashboardWidgetProvider> providers, bool publicOnly, CancellationToken cancellationToken)
    {
        var widgets = new List<DashboardWidget>();
        foreach (var provider in providers)
        {
            widgets.AddRange(await provider.GetWidgetsAsync(cancellationToken));
        }

        return [.. widgets.Where(w => w.Public || !publicOnly).OrderBy(w => w.Order)];
    }
}
