using System.Linq.Expressions;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Infrastructure.Data;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Portal.Web.Jobs;

/// <summary>Hangfire with the storage matching the database provider; SQLite keeps its jobs in a file of their own.</summary>
internal static class PortalJobs
{
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, DatabaseSettings database, string dataDirectory, IConfiguration configuration, IHostEnvironment environment)
    {
        // 15 s is Hangfire's default; a local run and the tests want jobs picked up at once.
        var poll = environment.IsProduction() ? TimeSpan.FromSeconds(15) : TimeSpan.FromSeconds(1);
        var invisibility = InvisibilityTimeout(configuration);
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (database.Provider)
            {
                case DatabaseProviders.PostgreSql:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString), new PostgreSqlStorageOptions
                    {
                        QueuePollInterval = poll,
                        SchemaName = "hangfire",
                        // A worker refreshes the fetch time of its job every fifth of the timeout: a job still running
                        // is never taken by another instance, one whose instance died is taken after the timeout (ADR 0029).
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = invisibility,
                    });
                    break;
                case DatabaseProviders.SqlServer:
                    config.UseSqlServerStorage(database.ConnectionString, new SqlServerStorageOptions { QueuePollInterval = poll, SchemaName = "HangFire", SlidingInvisibilityTimeout = invisibility });
                    break;
                default:
                    config.UseSQLiteStorage(Path.Combine(dataDirectory, "jobs.db"), new SQLiteStorageOptions { QueuePollInterval = poll });
                    break;
            }
        });
        if (configuration.GetValue("Portal:Jobs:Server", true))
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = 2;
                o.SchedulePollingInterval = poll;
                o.ServerName = "portail-" + Environment.MachineName;
            });
        }

        services.AddSingleton<IBackgroundJobs, HangfireBackgroundJobs>();
        services.AddSingleton<IRecurringJobs, HangfireRecurringJobs>();
        services.AddScoped<HeartbeatJob>();
        services.AddScoped<RetentionJob>();
        return services;
    }

    /// <summary>
    /// How long a fetched job stays hidden from other workers without its worker's keep-alive: past it, a job whose
    /// instance was killed runs again elsewhere. Below 5 s the once-a-second keep-alive could miss it.
    /// </summary>
    internal static TimeSpan InvisibilityTimeout(IConfiguration configuration)
    {
        var seconds = configuration.GetValue("Portal:Jobs:InvisibilityTimeoutSeconds", 60.0);
        return seconds >= 5
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"Portal:Jobs:InvisibilityTimeoutSeconds vaut {seconds} : au moins 5 secondes sont nécessaires.");
    }
}

internal sealed class HangfireBackgroundJobs(IBackgroundJobClient client) : IBackgroundJobs
{
    public string Enqueue<TJob>(Expression<Func<TJob, Task>> call)
        where TJob : class
        => client.Enqueue(call);
}

internal sealed class HangfireRecurringJobs(IRecurringJobManager manager) : IRecurringJobs
{
    public void AddOrUpdate<TJob>(string id, Expression<Func<TJob, Task>> call, string cron)
        where TJob : class
        => manager.AddOrUpdate(id, call, cron, new RecurringJobOptions { TimeZone = ParisTime.Zone });
}
