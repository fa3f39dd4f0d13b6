using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;

namespace Plan10000.Portal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CompaniesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_company_completes_the_sign_up_wizard_in_chromium()
    {
        var page = await fixture.NewPageAsync();
        var main = page.Locator("main");
        await page.GotoAsync(fixture.BaseUrl + "/inscription");

        await page.GetByLabel("Vos prénom et nom").FillAsync("Claire Navigateur");
        await page.GetByLabel("Adresse électronique professionnelle").FillAsync("claire@navigateur.test");
        await page.GetByLabel("Mot de passe").FillAsync("une phrase de passe pour chromium");
        await main.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte et continuer" }).ClickAsync();

        await Assertions.Expect(main).ToContainTextAsync("Étape 2 sur 5");
        await page.GetByLabel("Numéro SIRET de l’établissement").FillAsync("443 061 841 00047");
        await page.GetByLabel("Nom de l’entreprise").FillAsync("Atelier Chromium");
        await page.GetByLabel("Taille de l’entreprise").SelectOptionAsync("PME");
        await page.GetByLabel("Secteur d’activité").SelectOptionAsync("NUMERIQUE");
        await page.GetByLabel("Adresse de l’établissement").FillAsync("8 quai du Port");
        await page.GetByLabel("Code postal").FillAsync("20200");
        await page.GetByLabel("Commune").FillAsync("Bastia");
        await main.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();

        await Assertions.Expect(main).ToContainTextAsync("Étape 3 sur 5");
        await page.GetByLabel("Nom du signataire").FillAsync("Claire Navigateur");
        await page.GetByLabel("Fonction du signataire").FillAsync("Présidente");
        await TickAsync(page, "J’ai lu la charte et je la signe au nom de l’entreprise");
        await main.GetByRole(AriaRole.Button, new() { Name = "Signer et continuer" }).ClickAsync();

        await Assertions.Expect(main).ToContainTextAsync("Étape 4 sur 5");
        await page.GetByLabel("Thématique").SelectOptionAsync("4");
        await TickAsync(page, "Jeunes (dont jeunes des QPV)");
        await page.GetByLabel("Description de l’engagement").FillAsync("Parrainer cinq jeunes développeurs du quartier.");
        await page.GetByLabel("Intention chiffrée").FillAsync("5");
        await page.GetByLabel("Unité").FillAsync("filleuls");
        await main.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        await Assertions.Expect(main).ToContainTextAsync("Étape 5 sur 5");
        await Assertions.Expect(main).ToContainTextAsync("Atelier Chromium");
        await TickAsync(page, "Publier le nom de l’entreprise");
        await main.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon inscription" }).ClickAsync();

        await page.WaitForURLAsync(fixture.BaseUrl + "/inscription/confirmation");
        await Assertions.Expect(main).ToContainTextAsync("Merci pour votre engagement");
    }

    /// <summary>The DSFR draws its own box over the native checkbox, so a user (and the test) clicks the label.</summary>
    private static async Task TickAsync(IPage page, string label)
    {
        await page.Locator("main label", new() { HasText = label }).ClickAsync();
        await Assertions.Expect(page.GetByLabel(label)).ToBeCheckedAsync();
    }

    [Theory]
    [InlineData("/inscription")]
    [InlineData("/entreprises-engagees")]
    [InlineData("/tableau-de-bord")]
    [InlineData("/presse/75")]
    public async Task Axe_finds_no_serious_or_critical_violation_on_company_pages(string url)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + url);

        var serious = await page.SeriousViolationsAsync();

        Assert.Empty(serious);
    }

    [Fact]
    public async Task Axe_finds_no_serious_violation_on_a_wizard_step_showing_errors()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/inscription");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Créer mon compte et continuer" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Saisissez votre adresse électronique.");

        var serious = await page.SeriousViolationsAsync();

        Assert.Empty(serious);
    }

    [Fact]
    public async Task The_facilitation_back_office_passes_axe_even_when_a_form_shows_errors()
    {
        var (companyId, problemId) = await SeedApprovedCompanyWithProblemAsync();
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsAdminAsync(page);
        var problems = new List<string>();
        foreach (var url in new[] { "/admin/fiches-navettes", $"/admin/fiches-navettes/{companyId}", "/admin/entreprises/problemes", $"/admin/entreprises/problemes/{problemId}" })
        {
            var response = await page.GotoAsync(fixture.BaseUrl + url);
            Assert.Equal(200, response!.Status);
            problems.AddRange((await page.SeriousViolationsAsync()).Select(p => url + " : " + p));
        }

        await page.GotoAsync(fixture.BaseUrl + $"/admin/fiches-navettes/{companyId}");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Enregistrer le contact" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Choisissez l’engagement dont vous avez parlé avec l’entreprise.");
        problems.AddRange((await page.SeriousViolationsAsync()).Select(p => "contact en erreur : " + p));

        Assert.Empty(problems);
    }

    private async Task<(Guid Company, Guid Problem)> SeedApprovedCompanyWithProblemAsync()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CompaniesDbContext>();
        var siren = Siret.WithKey("81234567");
        var company = new Company
        {
            Siren = siren, Siret = Siret.WithKey(siren + "0001"), Name = "Navigateur Facilitation", Slug = "navigateur-facilitation-" + siren,
            SizeCode = "PME", SectorCode = "INDUSTRIE", Address = "1 rue du test", Postcode = "35000", City = "Rennes", DepartementCode = "35",
            Status = CompanyStatus.Approved, CreatedAt = DateTimeOffset.UtcNow, FicheVersion = 1,
        };
        company.Commitments.Add(new Commitment { CompanyId = company.Id, Position = 1, ThemeNumero = 3, PublicCodes = ";JEUNES;", Description = "Recruter trois apprentis" });
        CompanyService.SetConsents(company, [PublicationItems.Name], DateTimeOffset.UtcNow);
        db.Companies.Add(company);
        var problem = new AdministrativeProblem { CompanyId = company.Id, DepartementCode = "35", Subject = "Agrément en attente", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        problem.Messages.Add(new ProblemMessage { ProblemId = problem.Id, AuthorUserId = "x", AuthorName = "rh@navigateur.test", Text = "Le dossier n’avance pas.", CreatedAt = DateTime.UtcNow });
        db.Problems.Add(problem);
        await db.SaveChangesAsync();
        return (company.Id, problem.Id);
    }
}
