using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Clubs;

internal sealed class Permissions : IPermissionProvider
{
    /// <summary>Scoped: a referent creates and validates clubs of their départements; an animator manages only their club (IAccessScope).</summary>
    public const string ManageClubs = "ManageClubs";

    /// <summary>Granting the animator role and a club scope: referents and the national team, not the animators themselves.</summary>
    public const string DesignateAnimators = "DesignateClubAnimators";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageClubs, "Créer, valider et animer les clubs de son périmètre", "Clubs", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent, PortalRoles.ClubAnimator]),
        new(DesignateAnimators, "Désigner les animateurs des clubs de ses départements (rôle et périmètre du club)", "Clubs", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent]),
    ];
}
