using System.Net;
using System.Text.Json;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Indicators.IndicatorsTestSupport;

namespace Plan10000.Portal.Tests.Indicators;

/// <summary>Validation, aggregates, period filters and open data on a real PostgreSQL (build.sh provides it; skipped otherwise).</summary>
public sealed class IndicatorsPostgreSqlTests
{
    [SkippableFact]
    public async Task Reports_consolidate_and_publish_on_postgresql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("indicators");
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database.ConnectionString,
        });
        var definition = (await DefinitionsAsync(factory))["PMSMP_IAE"];
        var campaign = await AddCampaignAsync(factory, "2026-T2");
        foreach (var value in new[] { 2.5m, 3m, 4m })
        {
            var company = await AddCompanyAsync(factory, "Entreprise du Nord " + value, "59000", 6);
            await ReportAsync(factory, campaign, SubjectKind.Company, company, "59", new Dictionary<Guid, decimal> { [definition.Id] = value }, SubmissionStatus.Validated);
        }

        var referent = await factory.CreateUserClientAsync(NewEmail("referent59"), PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "59"));
        var dashboard = await referent.GetStringAsync("/admin/indicateurs/tableau-de-bord/departement/59?periode=2026");
        using var api = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/v1/indicateurs/valeurs?departement=59&periode=2026"));

        Assert.Contains("9,5 PMSMP", WebUtility.HtmlDecode(dashboard));
        Assert.Equal(9.5m, api.RootElement.GetProperty("valeurs")[0].GetProperty("valeur").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync("/admin/indicateurs/rapport/59?periode=2026-T2&format=xlsx")).StatusCode);
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
