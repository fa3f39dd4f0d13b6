using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Newsletters;

internal sealed class Permissions : IPermissionProvider
{
    /// <summary>Scoped: an animator writes and sends the newsletter of the clubs he animates only (IAccessScope.Reaches, ScopeReach.Animate).</summary>
    public const string ManageNewsletters = "ManageNewsletters";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageNewsletters, "Rédiger et envoyer la lettre d’information de son club", "Lettres d’information", [PortalRoles.NationalAdmin, PortalRoles.ClubAnimator]),
    ];
}
