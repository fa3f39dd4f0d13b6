using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Indicators;

/// <summary>Public helpers for the browser tests, which cannot see the modules' internals.</summary>
public static class IndicatorsScenarioSupport
{
    /// <summary>Companies of a département each report a validated value of an indicator for a campaign of <paramref name="period"/>.</summary>
    public static async Task AddValidatedValuesAsync(PortalFactory factory, string postcode, string indicatorCode, string period, params decimal[] values)
    {
        var definition = (await IndicatorsTestSupport.DefinitionsAsync(factory))[indicatorCode];
        var campaign = await IndicatorsTestSupport.AddCampaignAsync(factory, period);
        var i = 0;
        foreach (var value in values)
        {
            var company = await IndicatorsTestSupport.AddCompanyAsync(factory, $"Entreprise {indicatorCode} {period} {i++}", postcode);
            await IndicatorsTestSupport.ReportAsync(factory, campaign, SubjectKind.Company, company, Plan10000.Modules.Companies.Services.Postcode.Departement(postcode)!, new Dictionary<Guid, decimal> { [definition.Id] = value }, SubmissionStatus.Validated);
        }
    }
}
