using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Indicators.IndicatorsTestSupport;

namespace Plan10000.Portal.Tests.Indicators;

/// <summary>
/// Property-style: random reports (fixed seeds) go through the real service — saved, submitted, reviewed, validated,
/// corrected — while the test keeps its own oracle of what counts (the last validated value of each company,
/// indicator and period, plus the département's own entries). Every level must equal the oracle's sums.
/// </summary>
public sealed class ConsolidationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly (string Departement, string Postcode, string Region)[] Places = [("33", "33000", "75"), ("40", "40000", "75"), ("69", "69001", "84"), ("01", "01000", "84")];

    private PortalFactory Factory => fixture.Factory;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Consolidated_figures_equal_the_sum_of_the_validated_values_at_every_level(int seed)
    {
        var random = new Random(seed);
        var year = 2030 + seed;
        var definitions = (await DefinitionsAsync(Factory)).Values.Where(d => d.Active).ToList();
        var companies = new List<(Guid Id, string Departement)>();
        foreach (var place in Places)
        {
            for (var i = 0; i < 3; i++)
            {
                companies.Add((await AddCompanyAsync(Factory, $"Entreprise {seed}-{place.Departement}-{i}", place.Postcode), place.Departement));
            }
        }

        var oracle = new Dictionary<(SubjectKind, Guid, string, Guid, string), decimal>();
        foreach (var quarter in new[] { 1, 2, 3 })
        {
            var campaign = await AddCampaignAsync(Factory, $"{year}-T{quarter}");
            foreach (var (id, departement) in companies)
            {
                var status = (SubmissionStatus)random.Next(0, 4);
                var values = definitions.Where(_ => random.NextDouble() < 0.5).ToDictionary(d => d.Id, _ => random.Next(0, 40) + (random.Next(0, 2) * 0.5m));
                var submissionId = await ReportAsync(Factory, campaign, SubjectKind.Company, id, departement, values, status);
                if (status == SubmissionStatus.Validated)
                {
                    foreach (var (definitionId, value) in values)
                    {
                        oracle[(SubjectKind.Company, id, departement, definitionId, Periods.For(campaign.Period, definitions.Single(d => d.Id == definitionId).Periodicity))] = value;
                    }
                }

                // A referent's correction: counted at once on a validated report, pending otherwise.
                if (random.NextDouble() < 0.3 && values.Count > 0)
                {
                    var corrected = values.Keys.First();
                    var value = random.Next(0, 100);
                    await WithAsync(Factory, async sp =>
                    {
                        var db = sp.GetRequiredService<IndicatorsDbContext>();
                        var submission = await db.Submissions.SingleAsync(s => s.Id == submissionId);
                        return await sp.GetRequiredService<ReportingService>().SaveValuesAsync(submission, campaign, new Dictionary<Guid, (decimal, Guid?)> { [corrected] = (value, null) }, "correction", "referent", CancellationToken.None);
                    });
                    if (status == SubmissionStatus.Validated)
                    {
                        oracle[(SubjectKind.Company, id, departement, corrected, Periods.For(campaign.Period, definitions.Single(d => d.Id == corrected).Periodicity))] = value;
                    }
                }
            }

            // The département's own entries, validated on entry; a second entry replaces the first.
            foreach (var place in Places.Where(_ => random.NextDouble() < 0.5))
            {
                var definition = definitions[random.Next(definitions.Count)];
                var period = Periods.For(campaign.Period, definition.Periodicity);
                foreach (var value in new decimal[] { random.Next(1, 50), random.Next(1, 50) })
                {
                    await WithAsync(Factory, async sp =>
                    {
                        await sp.GetRequiredService<ReportingService>().RecordDepartementValueAsync(definition, place.Departement, period, value, "test", "referent", CancellationToken.None);
                        return 0;
                    });
                    oracle[(SubjectKind.Departement, Guid.Empty, place.Departement, definition.Id, period)] = value;
                }
            }
        }

        var yearFilter = year.ToString(CultureInfo.InvariantCulture);
        async Task Check(DashboardLevel level, string? code, Func<string, bool> inScope)
        {
            var data = await WithAsync(Factory, sp => sp.GetRequiredService<DashboardQuery>().GetAsync(level, code, null, yearFilter, CancellationToken.None));
            Assert.NotNull(data);
            var expected = oracle.Where(o => inScope(o.Key.Item3)).GroupBy(o => (o.Key.Item4, o.Key.Item5)).ToDictionary(g => g.Key, g => (Total: g.Sum(x => x.Value), Count: g.Count()));
            var actual = data.Figures.ToDictionary(f => (f.DefinitionId, f.Period), f => (f.Total, Count: f.Contributors));
            Assert.Equal(expected.OrderBy(e => e.Key.Item1).ThenBy(e => e.Key.Item2), actual.OrderBy(e => e.Key.Item1).ThenBy(e => e.Key.Item2));
            foreach (var figure in data.Figures.Where(f => definitions.Single(d => d.Id == f.DefinitionId).IntentionId is not null))
            {
                var intention = definitions.Single(d => d.Id == figure.DefinitionId).IntentionId!.Value;
                var intended = expected.TryGetValue((intention, figure.Period), out var i) ? i.Total : 0m;
                Assert.Equal(intended > 0 ? Math.Round(figure.Total * 100 / intended, 1) : null, figure.RealisedRate);
            }
        }

        Assert.NotEmpty(oracle);
        await Check(DashboardLevel.National, null, _ => true);
        await Check(DashboardLevel.Region, "75", d => d is "33" or "40");
        await Check(DashboardLevel.Region, "84", d => d is "69" or "01");
        foreach (var place in Places)
        {
            await Check(DashboardLevel.Departement, place.Departement, d => d == place.Departement);
        }
    }

    [Fact]
    public async Task The_dashboards_are_never_stale_a_validation_or_a_correction_shows_at_once_a_pending_one_does_not()
    {
        var company = await AddCompanyAsync(Factory, "Entreprise fraîcheur", "40000");
        var campaign = await AddCampaignAsync(Factory, "2029-T1");
        var definition = (await DefinitionsAsync(Factory))["PARRAINAGES"];
        async Task<decimal?> TotalAsync() => (await WithAsync(Factory, sp => sp.GetRequiredService<DashboardQuery>().GetAsync(DashboardLevel.Departement, "40", null, "2029-T1", CancellationToken.None)))!
            .Figures.SingleOrDefault(f => f.DefinitionId == definition.Id)?.Total;

        var submissionId = await ReportAsync(Factory, campaign, SubjectKind.Company, company, "40", new Dictionary<Guid, decimal> { [definition.Id] = 7 }, SubmissionStatus.Reviewed);
        Assert.Null(await TotalAsync());

        await WithAsync(Factory, async sp =>
        {
            var submission = await sp.GetRequiredService<IndicatorsDbContext>().Submissions.SingleAsync(s => s.Id == submissionId);
            return await sp.GetRequiredService<ReportingService>().MoveAsync(submission, SubmissionStatus.Validated, "referent", null, CancellationToken.None);
        });
        Assert.Equal(7, await TotalAsync());

        await WithAsync(Factory, async sp =>
        {
            var submission = await sp.GetRequiredService<IndicatorsDbContext>().Submissions.SingleAsync(s => s.Id == submissionId);
            return await sp.GetRequiredService<ReportingService>().SaveValuesAsync(submission, campaign, new Dictionary<Guid, (decimal, Guid?)> { [definition.Id] = (11, null) }, "correction", "referent", CancellationToken.None);
        });
        Assert.Equal(11, await TotalAsync());
        var history = await WithAsync(Factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Values.Where(v => v.SubjectId == company).OrderBy(v => v.RecordedAtUtc).ToListAsync());
        Assert.Equal([7m, 11m], history.Select(v => v.Value));
        Assert.Equal(history[1].Id, history[0].SupersededById);
    }
}
