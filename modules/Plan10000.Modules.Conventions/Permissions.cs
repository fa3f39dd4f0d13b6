using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Conventions;

internal sealed class Permissions : IPermissionProvider
{
    /// <summary>Scoped: a referent drafts, signs and follows the conventions of their départements only (IAccessScope).</summary>
    public const string ManageConventions = "ManageConventions";

    /// <summary>Scoped: an animator reads the conventions of their club; a referent those of their départements.</summary>
    public const string ReadConventions = "ReadConventions";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageConventions, "Rédiger, signer et suivre les conventions de son périmètre", "Conventions", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent]),
        new(ReadConventions, "Consulter les conventions de son club ou de ses départements", "Conventions", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent, PortalRoles.ClubAnimator]),
    ];
}
