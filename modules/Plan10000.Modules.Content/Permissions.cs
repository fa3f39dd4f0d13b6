using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Content;

internal sealed class Permissions : IPermissionProvider
{
    public const string EditContent = "EditContent";
    public const string PublishContent = "PublishContent";
    public const string ManageMedia = "ManageMedia";
    public const string EditTerritorialKit = "EditTerritorialKit";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(EditContent, "Rédiger des contenus et les soumettre à validation", "Content", [PortalRoles.Editor, PortalRoles.NationalAdmin]),
        new(PublishContent, "Publier, dépublier et archiver des contenus", "Content", [PortalRoles.NationalAdmin]),
        new(ManageMedia, "Gérer la médiathèque (images, PDF)", "Content", [PortalRoles.Editor, PortalRoles.NationalAdmin]),
        // Scoped: a referent edits only the kits of the départements on their account (IAccessScope).
        new(EditTerritorialKit, "Mettre à jour le kit territorial de son département", "Content", [PortalRoles.TerritorialReferent, PortalRoles.NationalAdmin]),
    ];
}
