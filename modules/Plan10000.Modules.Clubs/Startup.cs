using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Plan10000.Modules.Clubs.Seed;
using Plan10000.Modules.Clubs.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Clubs;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ClubService>();
        services.AddScoped<IClubsQuery, ClubsQuery>();
        services.AddScoped<ICompanySpaceContributor, CompanySpaceClubSection>();
        services.AddScoped<IDemoDataSeeder, DemoClubsSeeder>();
        services.AddScoped<IScaleDataSeeder, ScaleClubsSeeder>();
        services.AddScoped<IReminderSource, ClubReminders>();
        services.AddScoped<IDigestContributor, ClubsDigest>();
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

/// <summary>The clubs index and the page of every département that has an active club.</summary>
internal sealed class Sitemap(ClubsDbContext db) : ISitemapContributor
{
    public async Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(CancellationToken cancellationToken)
    {
        var codes = await db.Clubs.AsNoTracking().Where(c => c.Status == ClubStatus.Active).Select(c => c.DepartementCode).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        return [new("Clubs départementaux", "/clubs", "Clubs"), .. codes.Select(code => new SitemapEntry("Clubs — " + code, "/clubs/" + code, "Clubs"))];
    }
}
