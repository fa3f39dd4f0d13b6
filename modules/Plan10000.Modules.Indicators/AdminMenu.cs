using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Indicators;

internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Tableaux de bord des indicateurs", "/admin/indicateurs/tableau-de-bord", Permissions.ViewIndicatorDashboards, 400, "Indicateurs"),
        new("Campagnes de remontée", "/admin/indicateurs/campagnes", Permissions.ReviewIndicatorReports, 410, "Indicateurs"),
        new("Définitions des indicateurs", "/admin/indicateurs", Permissions.ManageIndicators, 420, "Indicateurs"),
    ];
}
