using Microsoft.Playwright;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Clubs;
using Plan10000.Portal.Tests.Conventions;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ConventionsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_referent_drafts_a_state_club_convention_signs_it_and_prints_the_document()
    {
        const string clubName = "Club des entreprises du Morbihan";
        var clubId = await ConventionsScenarioSupport.AddClubWithPlannedStagesAsync(fixture.Factory, "56", "56000", clubName);
        await ClubsScenarioSupport.CreateAccountAsync(fixture.Factory, "referent.56@navigateur.test", PortalRoles.TerritorialReferent, (ScopeClaims.Departement, "56"));

        var page = await SignInAsync("referent.56@navigateur.test");
        var main = page.Locator("main");
        await page.GotoAsync(fixture.BaseUrl + "/admin/conventions/club/nouvelle");
        await page.GetByLabel("Club", new() { Exact = true }).SelectOptionAsync(clubId.ToString());
        await page.GetByLabel("Intitulé").FillAsync("Convention État–club du Morbihan");
        await page.GetByLabel("Début de validité").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Fin de validité").FillAsync(DateTime.UtcNow.AddYears(3).ToString("yyyy-MM-dd"));
        var theme = main.Locator("input[name='Themes'][value='1']");
        await main.Locator($"label[for='{await theme.GetAttributeAsync("id")}']").ClickAsync();
        await page.GetByLabel("Engagements des parties").FillAsync("Les membres accueillent des élèves de 3e des quartiers.");
        await main.GetByRole(AriaRole.Button, new() { Name = "Créer le projet de convention" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("Le projet de convention est créé");
        await Assertions.Expect(main).ToContainTextAsync("Intentions chiffrées : stages");
        await Assertions.Expect(main).ToContainTextAsync("recalculés à chaque affichage");

        foreach (var (side, name, quality) in new[] { ("State", "Anne Préfète", "Préfète du Morbihan"), ("Partner", "Yann Animateur", "Animateur du club") })
        {
            await page.GetByLabel("Signe pour").SelectOptionAsync(side);
            await page.Locator("#f-Name").FillAsync(name);
            await page.GetByLabel("Qualité").FillAsync(quality);
            await page.GetByLabel("Date de signature").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
            await main.GetByRole(AriaRole.Button, new() { Name = "Ajouter le signataire" }).ClickAsync();
            await Assertions.Expect(main).ToContainTextAsync("est ajouté(e) aux signataires");
        }

        await main.GetByRole(AriaRole.Button, new() { Name = "Signer la convention" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("La convention est signée : ses chiffres sont figés.");
        await Assertions.Expect(main).ToContainTextAsync("Chiffres figés à la signature");

        await main.GetByRole(AriaRole.Link, new() { Name = "Document imprimable" }).ClickAsync();
        var document = page.Locator("main");
        await Assertions.Expect(document.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Convention État–club du Morbihan");
        await Assertions.Expect(document).ToContainTextAsync("Chiffres arrêtés à la signature.");
        await Assertions.Expect(document).ToContainTextAsync("Anne Préfète");
        await Assertions.Expect(document).ToContainTextAsync("Les membres accueillent des élèves de 3e des quartiers.");
        await Assertions.Expect(document.Locator("td", new() { HasTextString = "Intentions chiffrées : stages" })).ToHaveCountAsync(1);

        // The print stylesheet hides the back link on paper.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Retour à la convention" })).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Retour à la convention" })).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var serious = await page.SeriousViolationsAsync();
        Assert.Empty(serious);
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(PortalFactory.AdminPassword);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/compte/connexion", StringComparison.Ordinal));
        return page;
    }
}
