using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Infrastructure.Data;
using Plan10000.Portal.Web.Modules;

namespace Plan10000.Portal.Web.Hosting;

/// <summary>At start: migrations (the portal's tables, then each module in dependency order), reference data, scale data when asked, then demo data.</summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services,
    ModuleCatalog modules,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var portal = services.GetRequiredService<PortalDbContext>();
        if (portal.Database.IsSqlite())
        {
            // Write-ahead log, kept in the file: readers no longer wait for a writer and a commit costs one fsync
            // instead of several (newsletter batches commit three times each).
            await portal.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await MigrateAsync(portal, cancellationToken);
        foreach (var context in modules.Enabled.SelectMany(m => m.DbContexts))
        {
            await MigrateAsync((DbContext)services.GetRequiredService(context), cancellationToken);
        }

        foreach (var seeder in services.GetServices<IReferenceDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }

        // Before the demo seeders: they leave a non-empty module alone, so the scale data is not mixed with the demo.
        var scale = configuration.GetValue<int>("Portal:Seed:ScaleCompanies");
        if (scale > 0)
        {
            foreach (var seeder in services.GetServices<IScaleDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(scale, cancellationToken);
            }

            if (portal.Database.IsNpgsql())
            {
                // Autovacuum analyses new tables a minute or more later; until then the planner takes 10,000 freshly
                // inserted companies for an empty table and the showcase's first page ran for seconds (ADR 0031).
                await portal.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
            }
        }

        if (DemoSwitch.IsOn(configuration, environment))
        {
            foreach (var seeder in services.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }
    }

    private async Task MigrateAsync(DbContext context, CancellationToken cancellationToken)
    {
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("{Context}: application de {Count} migration(s)", context.GetType().Name, pending.Count);
        }

        await context.Database.MigrateAsync(cancellationToken);
    }
}

internal sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("La base de données ne répond pas.");
}
