using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Modules.Indicators.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Indicators;

internal static class IndicatorsTestSupport
{
    public static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}@indicateurs.test";

    public static async Task<Guid> AddCompanyAsync(PortalFactory factory, string name, string postcode, int theme = 3)
        => (await Companies.CompaniesTestSupport.AddCompanyAsync(factory, name, postcode, CompanyStatus.Approved, null, (theme, "JEUNES", "Recruter des apprentis des quartiers prioritaires."))).Id;

    public static async Task<Campaign> AddCampaignAsync(PortalFactory factory, string period, DateTime? opens = null, DateTime? due = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
        var campaign = new Campaign { Name = "Campagne " + period + " " + Guid.NewGuid().ToString("N")[..6], Period = period, OpensAtUtc = opens ?? DateTime.UtcNow.AddDays(-5), DueAtUtc = due ?? DateTime.UtcNow.AddDays(20), CreatedAtUtc = DateTime.UtcNow };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign;
    }

    public static async Task<T> WithAsync<T>(PortalFactory factory, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public static Task<Dictionary<string, IndicatorDefinition>> DefinitionsAsync(PortalFactory factory)
        => WithAsync(factory, sp => sp.GetRequiredService<IndicatorsDbContext>().Definitions.AsNoTracking().ToDictionaryAsync(d => d.Code));

    /// <summary>Reports values for a company in a campaign and takes the report to <paramref name="status"/> through the real service.</summary>
    public static Task<Guid> ReportAsync(PortalFactory factory, Campaign campaign, SubjectKind kind, Guid subjectId, string departement, IReadOnlyDictionary<Guid, decimal> values, SubmissionStatus status)
        => WithAsync(factory, async sp =>
        {
            var reporting = sp.GetRequiredService<ReportingService>();
            var submission = await reporting.GetOrCreateSubmissionAsync(campaign, kind, subjectId, departement, CancellationToken.None);
            await reporting.SaveValuesAsync(submission, campaign, values.ToDictionary(v => v.Key, v => (v.Value, (Guid?)null)), "test", "test", CancellationToken.None);
            foreach (var step in new[] { SubmissionStatus.Submitted, SubmissionStatus.Reviewed, SubmissionStatus.Validated }.Where(s => s <= status))
            {
                await reporting.MoveAsync(submission, step, "test", null, CancellationToken.None);
            }

            return submission.Id;
        });
}
