using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Content;

internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Contenus", "/admin/contenus", Permissions.EditContent, 200, "Contenus"),
        new("Médiathèque", "/admin/medias", Permissions.ManageMedia, 210, "Contenus"),
        new("Kits territoriaux", "/admin/territoires", Permissions.EditTerritorialKit, 220, "Contenus"),
    ];
}

internal sealed class MainNavigation : IMainNavigationContributor
{
    public IEnumerable<MainNavigationItem> GetItems() =>
    [
        new("Ressources", "/ressources/bonnes-pratiques", 30),
        new("Actualités", "/actualites", 40),
        new("Charte", "/charte", 50),
    ];
}
