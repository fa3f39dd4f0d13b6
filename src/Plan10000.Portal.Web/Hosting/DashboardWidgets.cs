using System.Security.Claims;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Security;

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

    /// <summary>The tiles whose target the reader may open: a tile naming a permission shows only to its holders.</summary>
    public static async Task<IReadOnlyList<DashboardWidget>> VisibleToAsync(this IReadOnlyList<DashboardWidget> widgets, ClaimsPrincipal user, IPermissionGrants grants, CancellationToken cancellationToken)
    {
        var visible = new List<DashboardWidget>();
        foreach (var widget in widgets)
        {
            if (widget.Permission is null || await grants.HasPermissionAsync(user, widget.Permission, cancellationToken))
            {
                visible.Add(widget);
            }
        }

        return visible;
    }
}
