using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Accounts;

internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Utilisateurs", "/admin/utilisateurs", Permissions.ManageUsers, 850, "Administration"),
        new("Inviter un utilisateur", "/admin/utilisateurs/inviter", Permissions.InviteUsers, 851, "Administration"),
        new("Rôles et autorisations", "/admin/roles", Permissions.ManageUsers, 860, "Administration"),
    ];
}
