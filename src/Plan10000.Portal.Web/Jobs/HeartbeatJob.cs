using Microsoft.EntityFrameworkCore;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Infrastructure.Data;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Portal.Web.Jobs;

/// <summary>Runs every minute and leaves its time in the database, so the back office shows whether jobs run at all.</summary>
internal sealed class HeartbeatJob(PortalDbContext db, TimeProvider clock)
{
    public const string Id = "portail-battement";

    public async Task RunAsync()
    {
        await db.SetValueAsync(PortalDbContext.HeartbeatKey, clock.GetUtcNow().ToString("O"), CancellationToken.None);
    }
}

internal sealed class HeartbeatWidget(PortalDbContext db, TimeProvider clock) : IDashboardWidgetProvider
{
    public async Task<IReadOnlyList<DashboardWidget>> GetWidgetsAsync(CancellationToken cancellationToken)
    {
        var value = await db.GetValueAsync(PortalDbContext.HeartbeatKey, cancellationToken);
        if (value is null || !DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var last))
        {
            return [new DashboardWidget("Tâches planifiées", "Aucune exécution", "Le serveur de tâches n’a pas encore tourné.", "/admin/jobs", 1000, Permission: Security.HostPermissions.ManageJobs)];
        }

        var ago = clock.GetUtcNow() - last;
        return [new DashboardWidget("Tâches planifiées", ago < TimeSpan.FromMinutes(3) ? "En fonctionnement" : "En retard",
            $"Dernier battement le {ParisTime.Stamp(last)}", "/admin/jobs", 1000, Permission: Security.HostPermissions.ManageJobs)];
    }
}
