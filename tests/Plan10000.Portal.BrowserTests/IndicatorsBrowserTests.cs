using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Plan10000.Portal.Tests.Indicators;

namespace Plan10000.Portal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class IndicatorsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_public_indicators_page_filters_shows_a_chart_with_its_table_and_passes_axe()
    {
        await IndicatorsScenarioSupport.AddValidatedValuesAsync(fixture.Factory, "44000", "PARRAINAGES", "2026-T1", 3, 4, 5);
        var page = await fixture.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };

        await page.GotoAsync(fixture.BaseUrl + "/tableau-de-bord/indicateurs");
        var main = page.Locator("main");
        await page.GetByLabel("Département").SelectOptionAsync("44");
        await page.GetByLabel("Période").SelectOptionAsync("2026-T1");
        await main.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();

        await Assertions.Expect(main.Locator("figure svg")).ToHaveCountAsync(1);
        await Assertions.Expect(main.GetByRole(AriaRole.Table).First).ToContainTextAsync("PARRAINAGES");
        await Assertions.Expect(main).ToContainTextAsync("12 parrainages");
        var result = await page.RunAxe();
        Assert.Empty(PublicPagesBrowserTests.Serious(result));
        Assert.Empty(problems);
    }
}
