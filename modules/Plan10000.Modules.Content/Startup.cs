using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Plan10000.Modules.Content.Jobs;
using Plan10000.Modules.Content.Seed;
using Plan10000.Modules.Content.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Accounts;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Queries.Content;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Content;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<Portal.Abstractions.Text.IMarkdownRenderer>(sp => sp.GetRequiredService<MarkdownRenderer>());
        services.AddScoped<ContentService>();
        services.AddScoped<ContentReader>();
        services.AddScoped<ContentFormMapper>();
        services.AddScoped<PageBuilder>();
        services.AddScoped<MediaStore>();
        services.AddScoped<FileSystemMediaBlobs>();
        services.AddScoped<DatabaseMediaBlobs>();
        var mediaStore = MediaStores.Resolve(context.Configuration);
        services.AddScoped<IMediaBlobs>(sp => mediaStore == MediaStores.Database
            ? sp.GetRequiredService<DatabaseMediaBlobs>()
            : sp.GetRequiredService<FileSystemMediaBlobs>());
        services.AddScoped<IHostCommand, MediaMigrationCommand>();
        services.AddScoped<IContentQuery, ContentQuery>();
        services.AddScoped<ISitemapContributor, ContentSitemap>();
        services.AddScoped<ISearchResultProvider, ContentSearch>();
        services.AddScoped<IDigestContributor, ContentDigest>();
        services.AddScoped<IDemoDataSeeder, ContentDemoSeeder>();
        services.AddScoped<ScheduledPublicationJob>();
        services.AddScoped<IEventHandler<AccountClosed>, Events.AccountClosedHandler>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuContributor, AdminMenu>();
        services.AddSingleton<IMainNavigationContributor, MainNavigation>();
    }

    public override void ConfigureRecurringJobs(IRecurringJobs jobs)
        => jobs.AddOrUpdate<ScheduledPublicationJob>(ScheduledPublicationJob.Id, j => j.RunAsync(), "* * * * *");
}
