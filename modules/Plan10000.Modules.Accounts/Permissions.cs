using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts;

internal sealed class Permissions : IPermissionProvider
{
    public const string ManageUsers = "ManageUsers";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageUsers, "Gérer les utilisateurs, leurs rôles et leurs périmètres", "Accounts", [PortalRoles.NationalAdmin]),
    ];
}
