using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Seed;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Indicators;

/// <summary>The benchmark data at a small scale: about 100 values per company, aggregates equal to the raw sums, dashboards at a fixed number of queries.</summary>
public sealed class ScaleIndicatorsTests : IDisposable
{
    private const int Companies = 202;

    private readonly CommandCounter counter = new();
    private readonly PortalFactory factory;

    public ScaleIndicatorsTests()
    {
        factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:Seed:ScaleCompanies"] = "202", ["Portal:Jobs:Server"] = "false" })
        {
            TestServices = services => services.ConfigureDbContext<IndicatorsDbContext>(o => o.AddInterceptors(counter)),
        };
    }

    [Fact]
    public async Task The_scale_seed_writes_about_100_validated_values_per_company_with_matching_aggregates_once()
    {
        var admin = await factory.CreateAdminClientAsync();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
        var values = await db.Values.CountAsync();
        Assert.Equal(Companies * 102, values);
        Assert.Equal(Companies * 8, await db.Submissions.CountAsync());

        var raw = (await db.Values.Select(v => new { v.DefinitionId, v.Period, v.DepartementCode, v.Value }).ToListAsync())
            .GroupBy(v => (v.DefinitionId, v.Period, v.DepartementCode)).ToDictionary(g => g.Key, g => (g.Sum(v => v.Value), g.Count()));
        var aggregates = (await db.Aggregates.ToListAsync()).ToDictionary(a => (a.DefinitionId, a.Period, a.DepartementCode), a => (a.Total, a.Contributors));
        Assert.Equal(raw.OrderBy(r => r.Key), aggregates.OrderBy(r => r.Key));

        // A second run leaves the module alone.
        await scope.ServiceProvider.GetServices<IScaleDataSeeder>().OfType<ScaleIndicatorsSeeder>().Single().SeedAsync(Companies, CancellationToken.None);
        Assert.Equal(values, await db.Values.CountAsync());

        // Dashboards: the same handful of queries on the module's tables whatever the level.
        foreach (var url in new[] { "/admin/indicateurs/tableau-de-bord/national", "/admin/indicateurs/tableau-de-bord/region/84", "/admin/indicateurs/tableau-de-bord/departement/69", "/admin/indicateurs/tableau-de-bord/national?theme=3" })
        {
            counter.Reset();
            var response = await admin.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.True(counter.Commands.Count <= 2, $"{url} : {counter.Commands.Count} requêtes");
        }
    }

    public void Dispose()
    {
        factory.Dispose();
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
