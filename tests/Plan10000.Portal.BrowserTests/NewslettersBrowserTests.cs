using Microsoft.Playwright;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Clubs;
using Plan10000.Portal.Tests.Newsletters;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class NewslettersBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_animator_writes_and_previews_a_newsletter_and_the_pages_pass_axe()
    {
        var clubId = await NewslettersScenarioSupport.AddActiveClubAsync(fixture.Factory, "22", "Club des Côtes-d’Armor");
        await ClubsScenarioSupport.CreateAccountAsync(fixture.Factory, "animateur@lettre22.test", PortalRoles.ClubAnimator, (ScopeClaims.Club, clubId.ToString()));
        var animator = await fixture.NewPageAsync();
        await animator.GotoAsync(fixture.BaseUrl + "/compte/connexion");
        await animator.GetByLabel("Adresse électronique").FillAsync("animateur@lettre22.test");
        await animator.GetByLabel("Mot de passe").FillAsync(PortalFactory.AdminPassword);
        await animator.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await animator.WaitForURLAsync(u => !u.Contains("/compte/connexion", StringComparison.Ordinal));
        var main = animator.Locator("main");

        await animator.GotoAsync(fixture.BaseUrl + "/admin/lettres");
        await main.GetByRole(AriaRole.Link, new() { Name = "Nouvelle lettre pour « Club des Côtes-d’Armor »" }).ClickAsync();
        await animator.GetByLabel("Objet").FillAsync("Lettre de décembre");
        await animator.GetByLabel("Contenu (Markdown)").FillAsync("## Rencontre du 12\n\nVenez **nombreux**.");
        await main.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("Le brouillon est enregistré");
        await Assertions.Expect(main.Locator("h2", new() { HasText = "Rencontre du 12" })).ToBeVisibleAsync();
        Assert.Empty(await animator.SeriousViolationsAsync());

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync(fixture.BaseUrl + "/clubs/22/lettre");
        Assert.Empty(await visitor.SeriousViolationsAsync());
        await visitor.Locator("main").GetByRole(AriaRole.Button, new() { Name = "S’abonner à la lettre" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Cochez la case pour donner votre accord.");
        Assert.Empty(await visitor.SeriousViolationsAsync());
    }
}
