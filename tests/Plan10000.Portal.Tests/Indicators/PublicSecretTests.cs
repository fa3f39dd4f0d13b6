using System.Text.RegularExpressions;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Indicators.IndicatorsTestSupport;

namespace Plan10000.Portal.Tests.Indicators;

public sealed partial class PublicSecretTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task The_public_page_does_not_show_a_national_figure_built_from_fewer_than_3_contributors()
    {
        var definition = (await DefinitionsAsync(Factory))["EMPLOIS_FRANCS"];
        var campaign = await AddCampaignAsync(Factory, "2021-T3");
        var alone = await AddCompanyAsync(Factory, "Menuiserie Seule", "24000", 8);
        await ReportAsync(Factory, campaign, SubjectKind.Company, alone, "24", new Dictionary<Guid, decimal> { [definition.Id] = 719m }, SubmissionStatus.Validated);

        var page = await Factory.CreateClient().GetStringAsync("/tableau-de-bord/indicateurs?periode=2021-T3");

        Assert.Contains("secret statistique", page);
        Assert.DoesNotMatch(Alone(), page);
    }

    [GeneratedRegex(@"[>\s]719[\s<]")]
    private static partial Regex Alone();
}
