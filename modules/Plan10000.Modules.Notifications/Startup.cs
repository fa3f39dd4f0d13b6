using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Plan10000.Modules.Notifications.Jobs;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Notifications;

public sealed class Startup : ModuleStartup
{
    private string daily = "0 7 * * *";
    private string weekly = "0 7 * * 1";
    private string reminders = "15 * * * *";

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        daily = context.Configuration["Portal:Jobs:DailyDigest"] ?? daily;
        weekly = context.Configuration["Portal:Jobs:WeeklyDigest"] ?? weekly;
        reminders = context.Configuration["Portal:Jobs:Reminders"] ?? reminders;
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<DigestJob>();
        services.AddScoped<ReminderJob>();
        services.AddScoped<Portal.Abstractions.Events.IEventHandler<Portal.Abstractions.Events.Accounts.AccountClosed>, Events.AccountClosedHandler>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuContributor, AdminMenu>();
    }

    public override void ConfigureRecurringJobs(IRecurringJobs jobs)
    {
        jobs.AddOrUpdate<DigestJob>(DigestJob.DailyId, j => j.RunDailyAsync(), daily);
        jobs.AddOrUpdate<DigestJob>(DigestJob.WeeklyId, j => j.RunWeeklyAsync(), weekly);
        jobs.AddOrUpdate<ReminderJob>(ReminderJob.Id, j => j.RunAsync(), reminders);
    }
}
