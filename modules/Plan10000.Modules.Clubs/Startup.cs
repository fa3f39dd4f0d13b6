using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Plan10000.Modules.Clubs.Seed;
using Plan10000.Modules.Clubs.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Clubs;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ClubService>();
        services.AddScoped<ICompanySpaceContributor, CompanySpaceClubSection>();
        services.AddScoped<IDemoDataSeeder, DemoClubsSeeder>();
        services.AddSingleton<IMainNavigationContributor, MainNavigation>();
        services.AddScoped<ISitemapContributor, Sitemap>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuContributor, AdminMenu>();
    }
}

internal sealed class MainNavigation : IMainNavigationContributor
{
    public IEnumerable<MainNavigationItem> GetItems() => [new("Clubs", "/clubs", 40)];
}

internal sealed class Sitemap : ISitemapContributor
{
    public Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<SitemapEntry>>([new("Clubs départementaux", "/clubs", "Clubs")]);
}
