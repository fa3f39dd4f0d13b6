using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Notifications;

internal sealed class Permissions : IPermissionProvider
{
    public const string ViewReminders = "ViewReminders";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewReminders, "Consulter le registre des rappels envoyés", "Notifications", [PortalRoles.NationalAdmin]),
    ];
}
