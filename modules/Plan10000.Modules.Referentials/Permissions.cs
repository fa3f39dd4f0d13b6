using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Referentials;

internal sealed class Permissions : IPermissionProvider
{
    public const string ViewReferentials = "ViewReferentials";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewReferentials, "Consulter les référentiels (territoires, thématiques, publics)", "Referentials", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent]),
    ];
}
