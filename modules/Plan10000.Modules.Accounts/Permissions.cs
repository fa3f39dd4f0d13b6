using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts;

internal sealed class Permissions : IPermissionProvider
{
    public const string ManageUsers = "ManageUsers";
    public const string InviteUsers = "InviteUsers";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageUsers, "Gérer les utilisateurs, leurs rôles, leurs périmètres et les autorisations des rôles", "Accounts", [PortalRoles.NationalAdmin]),
        new(InviteUsers, "Inviter des acteurs de l’intermédiation dans ses départements", "Accounts", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent]),
    ];
}
