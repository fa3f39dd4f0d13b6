using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Indicators.IndicatorsTestSupport;

namespace Plan10000.Portal.Tests.Indicators;

/// <summary>
/// Two portal hosts on one PostgreSQL validate 2,000 values at the same time (and correct some of them through the
/// other host): no in-process lock can help, only the database's atomic updates. Every département, région and
/// national figure must equal the test's own sums, and the recomputation command must find no difference.
/// </summary>
public sealed class MultiInstanceAggregatesTests
{
    private static readonly (string Departement, string Region)[] Places = [("33", "75"), ("40", "75"), ("69", "84"), ("01", "84")];

    [SkippableFact]
    public async Task Two_instances_validating_2000_values_concurrently_keep_every_aggregate_equal_to_the_validated_values()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("aggregates");
        using var a = new PortalFactory(settings: database.PortalSettings);
        var definitions = (await DefinitionsAsync(a)).Values.Where(d => d.Active).OrderBy(d => d.Code, StringComparer.Ordinal).Take(4).ToList();
        var campaign = await AddCampaignAsync(a, "2031-T2");
        using var b = new PortalFactory(settings: database.PortalSettings);
        _ = b.Services;

        var oracle = new System.Collections.Concurrent.ConcurrentDictionary<(Guid Subject, string Departement, Guid Definition, string Period), decimal>();
        const int Subjects = 500; // × 4 definitions = 2,000 values
        async Task Report(int i)
        {
            var (here, other) = i % 2 == 0 ? (a, b) : (b, a);
            var subject = Guid.NewGuid();
            var departement = Places[i % Places.Length].Departement;
            var values = definitions.ToDictionary(d => d.Id, d => (decimal)((i * 7 + d.Code.Length) % 90) + 0.5m);
            await ReportAsync(here, campaign, SubjectKind.Company, subject, departement, values, SubmissionStatus.Validated);
            foreach (var d in definitions)
            {
                oracle[(subject, departement, d.Id, Periods.For(campaign.Period, d.Periodicity))] = values[d.Id];
            }

            if (i % 10 == 0)
            {
                // A referent's correction of a validated report, through the other instance: validated at once.
                var corrected = definitions[i % definitions.Count];
                await ReportAsync(other, campaign, SubjectKind.Company, subject, departement, new Dictionary<Guid, decimal> { [corrected.Id] = 1000m + i }, SubmissionStatus.ToDo);
                oracle[(subject, departement, corrected.Id, Periods.For(campaign.Period, corrected.Periodicity))] = 1000m + i;
            }
        }

        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, Subjects).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await Report(i);
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.Equal(Subjects * definitions.Count, oracle.Count);
        async Task Check(PortalFactory host, DashboardLevel level, string? code, Func<string, bool> inScope)
        {
            var data = await WithAsync(host, sp => sp.GetRequiredService<DashboardQuery>().GetAsync(level, code, null, "2031", CancellationToken.None));
            Assert.NotNull(data);
            var expected = oracle.Where(o => inScope(o.Key.Departement)).GroupBy(o => (o.Key.Definition, o.Key.Period)).ToDictionary(g => g.Key, g => (Total: g.Sum(x => x.Value), Count: g.Count()));
            var actual = data.Figures.Where(f => f.Contributors > 0).ToDictionary(f => (f.DefinitionId, f.Period), f => (f.Total, Count: f.Contributors));
            Assert.Equal(expected.OrderBy(e => e.Key.Definition).ThenBy(e => e.Key.Period), actual.OrderBy(e => e.Key.Item1).ThenBy(e => e.Key.Item2));
        }

        await Check(a, DashboardLevel.National, null, _ => true);
        foreach (var region in Places.Select(p => p.Region).Distinct())
        {
            await Check(b, DashboardLevel.Region, region, d => Places.Any(p => p.Departement == d && p.Region == region));
        }

        foreach (var place in Places)
        {
            await Check(a, DashboardLevel.Departement, place.Departement, d => d == place.Departement);
        }

        Assert.Empty(await WithAsync(b, sp => sp.GetRequiredService<AggregatesCheck>().RunAsync(repair: false, CancellationToken.None)));
        PortalFixture.TryDelete(a.DataDirectory);
        PortalFixture.TryDelete(b.DataDirectory);
    }
}

/// <summary>The recomputation command finds a tampered aggregate, names it, and repairs it with « --corriger ».</summary>
public sealed class AggregatesCheckCommandTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_check_reports_a_wrong_aggregate_and_repairs_it()
    {
        var factory = fixture.Factory;
        var definition = (await DefinitionsAsync(factory))["PARRAINAGES"];
        var campaign = await AddCampaignAsync(factory, "2032-T1");
        await ReportAsync(factory, campaign, SubjectKind.Company, Guid.NewGuid(), "40", new Dictionary<Guid, decimal> { [definition.Id] = 12m }, SubmissionStatus.Validated);
        var period = Periods.For(campaign.Period, definition.Periodicity);
        await WithAsync(factory, async sp =>
        {
            var db = sp.GetRequiredService<IndicatorsDbContext>();
            var row = db.Aggregates.Single(x => x.DefinitionId == definition.Id && x.Period == period && x.DepartementCode == "40");
            row.Total += 5;
            return await db.SaveChangesAsync();
        });

        async Task<(int Code, string Output)> Run(params string[] args) => await WithAsync(factory, async sp =>
        {
            var command = sp.GetServices<Plan10000.Portal.Abstractions.Extensibility.IHostCommand>().Single(c => c.Name == "indicateurs-verifier");
            using var output = new StringWriter();
            var code = await command.RunAsync(args, output, CancellationToken.None);
            return (code, output.ToString());
        });

        var (code, output) = await Run();
        Assert.Equal(1, code);
        Assert.Contains($"PARRAINAGES {period} 40 : enregistré 17", output, StringComparison.Ordinal);
        Assert.Contains("recalculé 12", output, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("--corriger")).Code);
        var after = await Run();
        Assert.Equal(0, after.Code);
        Assert.Contains("aucun écart", after.Output, StringComparison.Ordinal);
    }
}
