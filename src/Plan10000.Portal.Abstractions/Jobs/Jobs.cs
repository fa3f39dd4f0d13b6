using System.Linq.Expressions;

namespace Plan10000.Portal.Abstractions.Jobs;

/// <summary>
/// Work that leaves the request: mail, consolidation. Pass ids, never entities; a job must be idempotent,
/// since it can run twice after a crash or a retry.
/// </summary>
public interface IBackgroundJobs
{
    string Enqueue<TJob>(Expression<Func<TJob, Task>> call)
        where TJob : class;
}

/// <summary>Recurring jobs a module declares in its Startup (<see cref="Modules.ModuleStartup.ConfigureRecurringJobs"/>).</summary>
public interface IRecurringJobs
{
    /// <param name="cron">A cron expression, evaluated in Europe/Paris time.</param>
    void AddOrUpdate<TJob>(string id, Expression<Func<TJob, Task>> call, string cron)
        where TJob : class;
}
