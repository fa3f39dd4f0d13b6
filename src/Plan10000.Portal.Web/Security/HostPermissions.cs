using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Portal.Web.Security;

/// <summary>The host's own back-office permissions (site settings and the module list).</summary>
internal sealed class HostPermissions : IPermissionProvider
{
    public const string ManageSettings = "ManageSettings";
    public const string ViewModules = "ViewModules";
    public const string AccessAdmin = "AccessAdmin";
    public const string ManageJobs = "ManageJobs";
    public const string ViewAudit = "ViewAudit";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(AccessAdmin, "Accéder à l'espace d'administration", "Portal", [PortalRoles.NationalAdmin, PortalRoles.TerritorialReferent, PortalRoles.Editor, PortalRoles.ClubAnimator, PortalRoles.IntermediationActor]),
        new(ManageSettings, "Modifier les paramètres du site (thème, accessibilité, contact)", "Portal", [PortalRoles.NationalAdmin]),
        new(ViewModules, "Consulter la liste des modules", "Portal", [PortalRoles.NationalAdmin]),
        new(ViewAudit, "Consulter le journal d’audit", "Portal", [PortalRoles.NationalAdmin]),
        new(ManageJobs, "Superviser les tâches planifiées (tableau de bord Hangfire)", "Portal", [PortalRoles.NationalAdmin]),
    ];
}

internal sealed class HostAdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Tableau de bord", "/admin", HostPermissions.AccessAdmin, 0, "Général"),
        new("Paramètres du site", "/admin/parametres", HostPermissions.ManageSettings, 900, "Administration"),
        new("Modules", "/admin/modules", HostPermissions.ViewModules, 910, "Administration"),
        new("Tâches planifiées", "/admin/jobs", HostPermissions.ManageJobs, 920, "Administration"),
        new("Journal d’audit", "/admin/journal", HostPermissions.ViewAudit, 930, "Administration"),
        new("Courriels envoyés", "/admin/courriels", HostPermissions.ViewAudit, 940, "Administration"),
    ];
}

internal sealed class AdminMenu(IEnumerable<IAdminMenuContributor> contributors, IPermissionGrants grants, IHttpContextAccessor http) : IAdminMenu
{
    public async Task<IReadOnlyList<AdminMenuItem>> GetItemsForCurrentUserAsync()
    {
        var user = http.HttpContext?.User;
        var items = new List<AdminMenuItem>();
        if (user is null)
        {
            return items;
        }

        foreach (var item in contributors.SelectMany(c => c.GetItems()).OrderBy(i => i.Order))
        {
            if (await grants.HasPermissionAsync(user, item.Permission))
            {
                items.Add(item);
            }
        }

        return items;
    }
}
