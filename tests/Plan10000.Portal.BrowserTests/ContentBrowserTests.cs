using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Services;

namespace Plan10000.Portal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ContentBrowserTests : IClassFixture<BrowserFixture>
{
    private const string Hostile = "## Piège\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<a href=\"javascript:alert(2)\" onmouseover=\"alert(3)\">survol</a>";

    private readonly BrowserFixture fixture;

    public ContentBrowserTests(BrowserFixture fixture) => this.fixture = fixture;

    public static TheoryData<string> ContentPages() =>
    [
        "/ressources/bonnes-pratiques", "/ressources/bonnes-pratiques/tutorat-en-entreprise", "/ressources/dispositifs", "/ressources/dispositifs/aide-a-l-embauche",
        "/actualites", "/actualites/rentree-des-clubs", "/charte", "/pages/a-propos-du-kit", "/territoires/01", "/ressources/bonnes-pratiques?q=zzz",
    ];

    private async Task<int> SeedAsync(ContentKind kind, string title, string body, bool publish = true)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<ContentService>();
        var db = scope.ServiceProvider.GetRequiredService<Plan10000.Modules.Content.Data.ContentDbContext>();
        var slug = Text.Slugify(title);
        if (db.Items.FirstOrDefault(i => i.Kind == kind && i.Slug == slug) is { } existing)
        {
            return existing.Id;
        }

        var item = new ContentItem
        {
            Kind = kind,
            Title = title,
            Slug = slug,
            Summary = "Résumé : " + title,
            Body = body,
            Themes = kind is ContentKind.BonnePratique or ContentKind.Dispositif ? ",3," : ",",
            Publics = kind == ContentKind.BonnePratique ? ",JEUNES," : ",",
            Departement = kind == ContentKind.BonnePratique ? "01" : null,
            Results = kind == ContentKind.BonnePratique ? "- 12 jeunes accompagnés" : null,
            ServiceCompetent = kind == ContentKind.Dispositif ? "Direccte" : null,
            Eligibility = kind == ContentKind.Dispositif ? "Toutes les entreprises." : null,
            Tags = "apprentissage,jeunes",
        };
        await service.SaveAsync(item, new Actor("test", null, true), "test", CancellationToken.None);
        if (publish)
        {
            await service.PublishAsync(item, null, null, CancellationToken.None);
        }

        return item.Id;
    }

    [Fact]
    public async Task A_hostile_body_never_executes_on_the_public_page_the_preview_or_the_editor()
    {
        await SeedAsync(ContentKind.Actualite, "Actualité piégée", Hostile);
        var draft = await SeedAsync(ContentKind.Actualite, "Brouillon piégé", Hostile, publish: false);
        var page = await fixture.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await fixture.SignInAsAdminAsync(page);

        foreach (var url in new[] { "/actualites/actualite-piegee", $"/contenus/apercu/{draft}", $"/admin/contenus/{draft}" })
        {
            await page.GotoAsync(fixture.BaseUrl + url);
            // Give any handler a chance: hover the link, wait for broken images to fire onerror.
            if (await page.Locator("main a", new() { HasTextString = "survol" }).CountAsync() > 0)
            {
                await page.Locator("main a", new() { HasTextString = "survol" }).HoverAsync();
            }

            await page.WaitForTimeoutAsync(300);
            var dangerous = await page.EvaluateAsync<int>("() => document.querySelectorAll('main script, main [onerror], main [onmouseover], main a[href^=\"javascript\" i]').length");
            Assert.Equal(0, dangerous);
        }

        Assert.Empty(dialogs);
        await page.GotoAsync(fixture.BaseUrl + "/actualites/actualite-piegee");
        Assert.Equal("Piège", (await page.Locator("main h2#piege").InnerTextAsync()).Trim());
    }

    [Theory]
    [MemberData(nameof(ContentPages))]
    public async Task Axe_finds_no_serious_or_critical_violation_on_content_pages(string url)
    {
        await SeedAsync(ContentKind.BonnePratique, "Tutorat en entreprise", "## Le principe\n\nUn tuteur par jeune.\n\n| Année | Jeunes |\n|---|---|\n| 2025 | 12 |");
        await SeedAsync(ContentKind.Dispositif, "Aide à l’embauche", "## Le principe\n\nUne aide.");
        await SeedAsync(ContentKind.Actualite, "Rentrée des clubs", "Les clubs se réunissent.");
        await SeedAsync(ContentKind.Charte, "Charte commune", "## Article 1\n\nS’engager.");
        await SeedAsync(ContentKind.Page, "À propos du kit", "## Le kit\n\nTexte.");
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync(fixture.BaseUrl + url);

        var serious = await page.SeriousViolationsAsync();

        Assert.Equal(200, response!.Status);
        Assert.Empty(serious);
    }

    [Fact]
    public async Task The_back_office_forms_pass_axe_even_when_they_show_errors()
    {
        var id = await SeedAsync(ContentKind.BonnePratique, "Pratique pour axe", "Texte.");
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsAdminAsync(page);
        var problems = new List<string>();
        foreach (var url in new[] { "/admin/contenus", "/admin/contenus/nouveau?type=bonne-pratique", "/admin/contenus/nouveau?type=dispositif", $"/admin/contenus/{id}", $"/admin/contenus/{id}/historique", "/admin/medias", "/admin/territoires/01", $"/contenus/apercu/{id}" })
        {
            await page.GotoAsync(fixture.BaseUrl + url);
            problems.AddRange((await page.SeriousViolationsAsync()).Select(p => url + " : " + p));
        }

        // The form sent empty: errors next to the fields, and still no serious violation.
        await page.GotoAsync(fixture.BaseUrl + "/admin/contenus/nouveau?type=bonne-pratique");
        await page.Locator("main form").Last.Locator("button[type=submit]").Last.ClickAsync();
        Assert.Contains("Saisissez un titre.", await page.Locator("main").InnerTextAsync());
        problems.AddRange((await page.SeriousViolationsAsync()).Select(p => "formulaire en erreur : " + p));

        Assert.Empty(problems);
    }

    [Fact]
    public async Task An_editor_writes_previews_and_submits_in_the_browser_then_an_admin_publishes()
    {
        const string email = "redactrice-navigateur@test.gouv.fr";
        // The HTTP helper cannot reach a Kestrel-hosted factory: the account is made directly, then signed in by the browser.
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Plan10000.Modules.Accounts.Models.PortalUser>>();
            var user = new Plan10000.Modules.Accounts.Models.PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Rédactrice" };
            Assert.True((await users.CreateAsync(user, Plan10000.Portal.Tests.Support.PortalFactory.AdminPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Plan10000.Portal.Abstractions.Security.PortalRoles.Editor)).Succeeded);
        }

        var editor = await fixture.NewPageAsync();
        await editor.GotoAsync(fixture.BaseUrl + "/compte/connexion");
        await editor.GetByLabel("Adresse électronique").FillAsync(email);
        await editor.GetByLabel("Mot de passe").FillAsync(Plan10000.Portal.Tests.Support.PortalFactory.AdminPassword);
        await editor.Locator("main").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await editor.WaitForURLAsync(fixture.BaseUrl + "/compte");

        await editor.GotoAsync(fixture.BaseUrl + "/admin/contenus/nouveau?type=actualite");
        await editor.Locator("#f-Title").FillAsync("Le club du Rhône se réunit");
        await editor.Locator("#f-Summary").FillAsync("Réunion de rentrée des entreprises engagées.");
        await editor.Locator("#f-Body").FillAsync("## Ordre du jour\n\n- Bilan\n- Projets");
        await editor.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await editor.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/contenus/[0-9]+$"));
        var edit = editor.Url;

        await editor.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Prévisualiser" }).ClickAsync();
        Assert.Equal("Ordre du jour", (await editor.Locator("main h2#ordre-du-jour").InnerTextAsync()).Trim());
        await editor.GotoAsync(edit);
        await editor.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Soumettre à validation" }).ClickAsync();
        Assert.Contains("Soumis à validation", await editor.Locator("main").InnerTextAsync());
        Assert.Equal(0, await editor.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Publier" }).CountAsync());

        var visitor = await fixture.NewPageAsync();
        Assert.Equal(404, (await visitor.GotoAsync(fixture.BaseUrl + "/actualites/le-club-du-rhone-se-reunit"))!.Status);

        var admin = await fixture.NewPageAsync();
        await fixture.SignInAsAdminAsync(admin);
        await admin.GotoAsync(edit);
        await admin.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Publier", Exact = true }).ClickAsync();
        Assert.Contains("Contenu publié.", await admin.Locator("main").InnerTextAsync());

        Assert.Equal(200, (await visitor.GotoAsync(fixture.BaseUrl + "/actualites/le-club-du-rhone-se-reunit"))!.Status);
        Assert.Equal("Le club du Rhône se réunit", (await visitor.Locator("main h1").InnerTextAsync()).Trim());
    }
}
