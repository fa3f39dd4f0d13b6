using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Referentials;

internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() => [new("Référentiels", "/admin/referentiels", Permissions.ViewReferentials, 800, "Administration")];
}
