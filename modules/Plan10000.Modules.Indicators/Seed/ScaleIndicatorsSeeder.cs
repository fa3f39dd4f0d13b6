using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Indicators.Seed;

/// <summary>
/// About 100 validated values per company (every indicator over every period of two years: 102 values), with the
/// eight quarterly campaigns and their validated submissions, and the aggregates computed while inserting.
/// 1,000,000 values at 10,000 companies, inserted in batches with change detection off and the tracker cleared.
/// </summary>
internal sealed class ScaleIndicatorsSeeder(IndicatorsDbContext db, ICompaniesQuery companies, IReferentialsQuery referentials, TimeProvider clock, ILogger<ScaleIndicatorsSeeder> logger) : IScaleDataSeeder
{
    /// <summary>200 companies ≈ 20,000 values per SaveChanges.</summary>
    internal const int BatchSize = 200;

    public int Order => 40;

    public async Task SeedAsync(int count, CancellationToken cancellationToken)
    {
        if (count <= 0 || await db.Campaigns.AnyAsync(cancellationToken) || await db.Values.AnyAsync(cancellationToken))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var definitions = await db.Definitions.AsNoTracking().Where(d => d.Active).OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var all = new List<CompanyInfo>();
        foreach (var departement in await referentials.GetDepartementsAsync(cancellationToken))
        {
            all.AddRange(await companies.GetApprovedCompaniesAsync(departement.Code, int.MaxValue, cancellationToken));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var year = now.Year - 1;
        var campaigns = new[] { year, year + 1 }
            .SelectMany(y => Periods.OfYear(y, Periodicity.Quarter))
            .Select((p, i) => new Campaign { Name = "Remontée du " + Periods.Label(p), Period = p, OpensAtUtc = now.AddDays(-720 + (i * 90)), DueAtUtc = now.AddDays(-690 + (i * 90)), CreatedAtUtc = now.AddDays(-720 + (i * 90)) })
            .Where(c => c.DueAtUtc < now)
            .ToList();
        db.Campaigns.AddRange(campaigns);
        await db.SaveChangesAsync(cancellationToken);
        var periodsOf = definitions.ToDictionary(d => d.Id, d => campaigns.Select(c => Periods.For(c.Period, d.Periodicity)).Distinct().ToList());
        var aggregates = new Dictionary<(Guid, string, string), DepartementAggregate>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(20261126);
        var values = 0;
        foreach (var batch in all.Chunk(BatchSize))
        {
            foreach (var company in batch)
            {
                var submissions = campaigns.ToDictionary(c => c.Period, c => new Submission { CampaignId = c.Id, SubjectKind = SubjectKind.Company, SubjectId = company.Id, DepartementCode = company.DepartementCode, Status = SubmissionStatus.Validated, CreatedAtUtc = c.OpensAtUtc, UpdatedAtUtc = c.DueAtUtc });
                db.Submissions.AddRange(submissions.Values);
                foreach (var definition in definitions)
                {
                    foreach (var period in periodsOf[definition.Id])
                    {
                        var campaign = campaigns.Last(c => Periods.For(c.Period, definition.Periodicity) == period);
                        var value = (decimal)random.Next(0, definition.Unit == "k€" ? 200 : 12);
                        db.Values.Add(new IndicatorValue
                        {
                            DefinitionId = definition.Id,
                            SubjectKind = SubjectKind.Company,
                            SubjectId = company.Id,
                            DepartementCode = company.DepartementCode,
                            Period = period,
                            Value = value,
                            SubmissionId = submissions[campaign.Period].Id,
                            Source = "Données de charge",
                            AuthorId = "scale",
                            RecordedAtUtc = campaign.DueAtUtc,
                            ValidatedAtUtc = campaign.DueAtUtc,
                        });
                        var key = (definition.Id, period, company.DepartementCode);
                        if (!aggregates.TryGetValue(key, out var aggregate))
                        {
                            aggregates[key] = aggregate = new DepartementAggregate { DefinitionId = definition.Id, Period = period, DepartementCode = company.DepartementCode };
                        }

                        aggregate.Total += value;
                        aggregate.Contributors++;
                        values++;
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        db.Aggregates.AddRange(aggregates.Values);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        logger.LogInformation("Données de charge : {Values} valeurs d’indicateurs pour {Companies} entreprises en {Seconds:F1} s", values, all.Count, watch.Elapsed.TotalSeconds);
    }
}
