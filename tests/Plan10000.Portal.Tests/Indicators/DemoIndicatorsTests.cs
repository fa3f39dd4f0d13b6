using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Seed;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Indicators;

public sealed class DemoIndicatorsTests : IDisposable
{
    private readonly PortalFactory factory = new(settings: new Dictionary<string, string?> { ["Portal:Seed:Demo"] = "true", ["Portal:Jobs:Server"] = "false" });

    [Fact]
    public async Task Definitions_cover_every_theme_and_the_demo_has_a_validated_and_an_open_campaign_once()
    {
        var client = factory.CreateClient();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
        var themes = await scope.ServiceProvider.GetRequiredService<IReferentialsQuery>().GetThemesAsync();
        var definitions = await db.Definitions.ToListAsync();

        Assert.Equal(14, themes.Count);
        Assert.All(themes, t => Assert.Contains(definitions, d => d.ThemeNumero == t.Numero));
        Assert.Contains(definitions, d => d.Code == "STAGES_REP_PLUS" && d.NationalTarget == 15_000 && d.Kind == IndicatorKind.NationalTarget);
        Assert.Contains(definitions, d => d.Kind == IndicatorKind.Intention);
        Assert.Contains(definitions, d => d.Code == "PMSMP_IAE" && d.Kind == IndicatorKind.Result);
        Assert.Equal(2, await db.Campaigns.CountAsync());
        Assert.True(await db.Submissions.AnyAsync(s => s.Status == SubmissionStatus.Validated));
        var raw = (await db.Values.Where(v => v.ValidatedAtUtc != null && v.SupersededById == null).Select(v => new { v.DefinitionId, v.Period, v.DepartementCode, v.Value }).ToListAsync())
            .GroupBy(v => (v.DefinitionId, v.Period, v.DepartementCode)).ToDictionary(g => g.Key, g => g.Sum(v => v.Value));
        Assert.NotEmpty(raw);
        Assert.Equal(raw.OrderBy(r => r.Key), (await db.Aggregates.ToListAsync()).ToDictionary(a => (a.DefinitionId, a.Period, a.DepartementCode), a => a.Total).OrderBy(r => r.Key));
        Assert.Contains("STAGES_REP_PLUS", await client.GetStringAsync("/tableau-de-bord/indicateurs"));

        var values = await db.Values.CountAsync();
        await scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DemoIndicatorsSeeder>().Single().SeedAsync(CancellationToken.None);
        await scope.ServiceProvider.GetServices<IReferenceDataSeeder>().OfType<ReferenceDefinitionsSeeder>().Single().SeedAsync(CancellationToken.None);
        Assert.Equal(values, await db.Values.CountAsync());
        Assert.Equal(definitions.Count, await db.Definitions.CountAsync());
    }

    public void Dispose()
    {
        factory.Dispose();
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
