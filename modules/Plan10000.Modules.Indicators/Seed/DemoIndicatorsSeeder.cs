using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Modules.Indicators.Seed;

/// <summary>
/// A validated campaign of the last quarter with values for the demo companies (through the real validation path,
/// so the aggregates are those of production), and an open campaign for the current quarter; only on an empty module.
/// </summary>
internal sealed class DemoIndicatorsSeeder(IndicatorsDbContext db, ReportingService reporting, ICompaniesQuery companies, IReferentialsQuery referentials, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Campaigns.AnyAsync(cancellationToken) || await db.Values.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var current = Periods.CurrentCampaignPeriod(today, paqte: false);
        var previousDay = today.AddMonths(-3);
        var previous = Periods.CurrentCampaignPeriod(previousDay, paqte: false);
        var closed = new Campaign { Name = "Remontée du " + Periods.Label(previous), Period = previous, OpensAtUtc = now.AddDays(-60), DueAtUtc = now.AddDays(-30), CreatedAtUtc = now.AddDays(-60), IsDemo = true };
        var open = new Campaign { Name = "Remontée du " + Periods.Label(current), Period = current, OpensAtUtc = now.AddDays(-3), DueAtUtc = now.AddDays(7), CreatedAtUtc = now.AddDays(-3), IsDemo = true };
        db.Campaigns.AddRange(closed, open);
        await db.SaveChangesAsync(cancellationToken);

        var definitions = await db.Definitions.AsNoTracking().Where(d => d.Active).OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var random = new Random(2019);
        foreach (var departement in await referentials.GetDepartementsAsync(cancellationToken))
        {
            var members = await companies.GetApprovedCompaniesAsync(departement.Code, 20, cancellationToken);
            var commitments = (await companies.GetCommitmentsAsync([.. members.Select(m => m.Id)], cancellationToken)).ToLookup(c => c.CompanyId);
            foreach (var company in members)
            {
                var submission = await reporting.GetOrCreateSubmissionAsync(closed, SubjectKind.Company, company.Id, company.DepartementCode, cancellationToken);
                var lines = commitments[company.Id].ToList();
                var values = definitions.ToDictionary(
                    d => d.Id,
                    d => ((decimal)random.Next(1, d.Unit == "k€" ? 150 : 15), lines.FirstOrDefault(l => l.ThemeNumero == d.ThemeNumero)?.Id));
                await reporting.SaveValuesAsync(submission, closed, values, "Démonstration", "demo", cancellationToken);
                await reporting.MoveAsync(submission, SubmissionStatus.Submitted, "demo", null, cancellationToken);
                await reporting.MoveAsync(submission, SubmissionStatus.Reviewed, "demo", null, cancellationToken);
                await reporting.MoveAsync(submission, SubmissionStatus.Validated, "demo", "Données de démonstration", cancellationToken);
            }
        }
    }
}
