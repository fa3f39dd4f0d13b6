using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Conventions;

internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Conventions", "/admin/conventions", Permissions.ReadConventions, 310, "Conventions"),
        new("Échéances des conventions", "/admin/conventions/echeances", Permissions.ManageConventions, 311, "Conventions"),
        new("Chartes entreprises et quartiers", "/admin/conventions/chartes", Permissions.ManageConventions, 312, "Conventions"),
        new("Bilans semestriels PAQTE", "/admin/conventions/bilans", Permissions.ManageConventions, 313, "Conventions"),
    ];
}
