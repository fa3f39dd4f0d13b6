using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Clubs;

internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() => [new("Clubs", "/admin/clubs", Permissions.ManageClubs, 300, "Clubs")];
}
