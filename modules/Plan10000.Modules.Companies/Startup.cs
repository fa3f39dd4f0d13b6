using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Plan10000.Modules.Companies.Jobs;
using Plan10000.Modules.Companies.Seed;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.OpenData;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CompanyService>();
        services.AddScoped<CompanySpacePage>();
        services.AddScoped<ShowcaseQuery>();
        services.AddScoped<SiretFeed>();
        services.AddSingleton<FranceMap>();
        services.AddMemoryCache();
        services.AddScoped<ActivityRanking>();
        services.AddScoped<PressKit>();
        services.Configure<SireneOptions>(context.Configuration.GetSection("Portal:Sirene"));
        services.AddHttpClient<SireneClient>();
        services.AddScoped<SireneSignupStep>();
        services.AddScoped<CompaniesQuery>().AddScoped<ICompaniesQuery>(p => p.GetRequiredService<CompaniesQuery>()).AddScoped<ICompanyCommitments>(p => p.GetRequiredService<CompaniesQuery>());
        services.AddScoped<CompanyDecisionMailJob>();
        services.AddScoped<AccountConfirmationMailJob>();
        services.AddScoped<JoinRequestMailJob>();
        services.AddScoped<NewSignupMailJob>();
        services.AddScoped<ProblemMessageMailJob>();
        services.AddScoped<IDemoDataSeeder, DemoCompaniesSeeder>();
        services.AddScoped<IScaleDataSeeder, ScaleCompaniesSeeder>();
        services.AddScoped<IDashboardWidgetProvider, ProgressWidgets>();
        services.AddScoped<Plan10000.Portal.Abstractions.Events.IEventHandler<Plan10000.Portal.Abstractions.Events.Accounts.AccountClosed>, Events.AccountClosedHandler>();
        services.AddScoped<ISearchResultProvider, CompanySearch>();
        services.AddScoped<IDigestContributor, CompaniesDigest>();
        services.AddScoped<IReminderSource, CompaniesReminders>();
        services.AddSingleton<IMainNavigationContributor, MainNavigation>();
        services.AddScoped<ISitemapContributor, Sitemap>();
        services.AddScoped<IOpenDataCatalogContributor, CompaniesOpenDataCatalog>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuContributor, AdminMenu>();
    }
}

internal sealed class MainNavigation : IMainNavigationContributor
{
    public IEnumerable<MainNavigationItem> GetItems() =>
    [
        new("Entreprises engagées", "/entreprises-engagees", 20),
        new("Tableau de bord", "/tableau-de-bord", 60),
        new("S’engager", "/inscription", 90),
    ];
}

/// <summary>The module's pages and every listed company's page (the same consent rule as the showcase).</summary>
internal sealed class Sitemap(ShowcaseQuery showcase, Plan10000.Portal.Abstractions.Queries.Referentials.IReferentialsQuery referentials) : ISitemapContributor
{
    public async Task<IReadOnlyList<SitemapEntry>> GetEntriesAsync(CancellationToken cancellationToken)
    {
        var entries = new List<SitemapEntry>
        {
            new("Entreprises engagées", "/entreprises-engagees", "Entreprises"),
            new("Tableau de bord du programme", "/tableau-de-bord", "Entreprises"),
            new("Inscrire mon entreprise", "/inscription", "Entreprises"),
        };
        foreach (var departement in await referentials.GetDepartementsAsync(cancellationToken))
        {
            entries.Add(new($"Dossier de presse : {departement.Nom} ({departement.Code})", "/presse/" + departement.Code, "Dossiers de presse"));
        }

        // Only the three columns the sitemap shows: the commitments and consents AllListedAsync loads are not needed here.
        var companies = await showcase.Listed().OrderBy(c => c.Id).Select(c => new { c.Name, c.Slug, c.DecidedAt }).ToListAsync(cancellationToken);
        foreach (var company in companies)
        {
            entries.Add(new(company.Name, "/entreprises-engagees/" + company.Slug, "Entreprises engagées", company.DecidedAt));
        }

        return entries;
    }
}
