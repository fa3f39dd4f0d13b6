using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Seed;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.OpenData;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Indicators;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ReportingService>();
        services.AddScoped<AggregatesCheck>();
        services.AddScoped<IHostCommand, AggregatesCheckCommand>();
        services.AddScoped<DashboardQuery>();
        services.AddScoped<OpenIndicators>();
        services.AddScoped<LateReporters>();
        services.AddScoped<IReferenceDataSeeder, ReferenceDefinitionsSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoIndicatorsSeeder>();
        services.AddScoped<IScaleDataSeeder, ScaleIndicatorsSeeder>();
        services.AddScoped<ICompanySpaceContributor, CompanySpaceIndicatorsSection>();
        services.AddScoped<IReminderSource, CampaignReminderSource>();
        services.AddScoped<IDigestContributor, LateMembersDigest>();
        services.AddScoped<IDashboardWidgetProvider, IndicatorsWidget>();
        services.AddScoped<ISitemapContributor, Sitemap>();
        services.AddScoped<IOpenDataCatalogContributor, IndicatorsOpenData>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuContributor, AdminMenu>();
    }
}

/// <summary>The public consolidated indicators and their open data.</summary>
internal sealed class Sitemap : ISitemapContributor
{
    public Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<SitemapEntry>>([new("Indicateurs consolidés du programme", "/tableau-de-bord/indicateurs", "Indicateurs")]);
}
