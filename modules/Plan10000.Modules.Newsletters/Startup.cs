using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Plan10000.Modules.Newsletters.Jobs;
using Plan10000.Modules.Newsletters.Services;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Newsletters;

public sealed class Startup : ModuleStartup
{
    private string pumpSchedule = "* * * * *";

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<NewsletterOptions>(context.Configuration.GetSection("Portal:Newsletters"));
        pumpSchedule = context.Configuration["Portal:Jobs:NewsletterPump"] ?? pumpSchedule;
        services.AddSingleton<NewsletterTokens>();
        services.AddSingleton<NewsletterMails>();
        services.AddScoped<NewsletterSender>();
        services.AddScoped<NewsletterSendJob>();
        services.AddScoped<NewsletterPumpJob>();
        services.AddScoped<NewsletterMailJob>();
        services.AddHostedService<ResumeSendsAtStart>();
        services.AddScoped<Portal.Abstractions.Events.IEventHandler<Portal.Abstractions.Events.Accounts.AccountClosed>, Events.AccountClosedHandler>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuContributor, AdminMenu>();
    }

    public override void ConfigureRecurringJobs(IRecurringJobs jobs)
        => jobs.AddOrUpdate<NewsletterPumpJob>(NewsletterPumpJob.Id, j => j.RunAsync(CancellationToken.None), pumpSchedule);
}
