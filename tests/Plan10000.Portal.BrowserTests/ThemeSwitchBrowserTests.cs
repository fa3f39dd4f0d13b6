using Microsoft.Playwright;

namespace Plan10000.Portal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ThemeSwitchBrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture fixture;

    public ThemeSwitchBrowserTests(BrowserFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task Switching_the_theme_in_the_back_office_changes_the_layout_of_the_next_page()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsAdminAsync(page);
        await page.GotoAsync(fixture.BaseUrl + "/");
        Assert.Equal(1, await page.Locator("header.fr-header").CountAsync());

        await page.GotoAsync(fixture.BaseUrl + "/admin/parametres");
        await page.GetByLabel("Thème public").SelectOptionAsync("Communaute");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Les paramètres du site ont été enregistrés.");

        await page.GotoAsync(fixture.BaseUrl + "/");
        Assert.Equal(0, await page.Locator("header.fr-header").CountAsync());
        Assert.Equal(1, await page.Locator("header.c-header").CountAsync());
        var font = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.DoesNotContain("Marianne", font);
        Assert.Contains("system-ui", font);
        Assert.Empty(await page.SeriousViolationsAsync());

        await page.GotoAsync(fixture.BaseUrl + "/admin/parametres");
        await page.GetByLabel("Thème public").SelectOptionAsync("Dsfr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.GotoAsync(fixture.BaseUrl + "/");
        Assert.Equal(1, await page.Locator("header.fr-header").CountAsync());
    }
}
