using Plan10000.Portal.Abstractions.Navigation;

namespace Plan10000.Modules.Notifications;

internal sealed class AdminMenu : IAdminMenuContributor
{
    public IEnumerable<AdminMenuItem> GetItems() => [new("Rappels envoyés", "/admin/rappels", Permissions.ViewReminders, 920, "Supervision")];
}
