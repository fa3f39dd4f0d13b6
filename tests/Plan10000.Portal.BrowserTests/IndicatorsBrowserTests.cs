using Microsoft.Playwright;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Clubs;
using Plan10000.Portal.Tests.Indicators;
using Plan10000.Portal.Tests.Support;

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
        var serious = await page.SeriousViolationsAsync();
        Assert.Empty(serious);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_referent_filters_the_departement_dashboard_opens_the_report_and_both_pass_axe()
    {
        await IndicatorsScenarioSupport.AddValidatedValuesAsync(fixture.Factory, "45000", "EMPLOIS_FRANCS", "2026-T2", 2, 3, 4);
        await ClubsScenarioSupport.CreateAccountAsync(fixture.Factory, "referent.45@navigateur.test", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "45"));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync("referent.45@navigateur.test");
        await page.GetByLabel("Mot de passe").FillAsync(PortalFactory.AdminPassword);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/compte/connexion", StringComparison.Ordinal));

        await page.GotoAsync(fixture.BaseUrl + "/admin/indicateurs/tableau-de-bord");
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("Loiret (45)");
        await page.GetByLabel("Thématique").SelectOptionAsync("8");
        await page.GetByLabel("Période").SelectOptionAsync("2026-T2");
        await main.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Table).First).ToContainTextAsync("EMPLOIS_FRANCS");
        await Assertions.Expect(main).ToContainTextAsync("9 recrutements");
        Assert.Empty(await page.SeriousViolationsAsync());

        await main.GetByRole(AriaRole.Link, new() { Name = "Rapport trimestriel du département" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("Réalisations");
        Assert.Empty(await page.SeriousViolationsAsync());
    }
}
