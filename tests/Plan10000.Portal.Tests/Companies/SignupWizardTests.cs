using System.Net;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

public sealed class SignupWizardTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Password = "une phrase de passe assez longue";

    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_company_signs_up_through_every_step_and_waits_for_moderation()
    {
        await Factory.CreateUserClientAsync("referente.paris@wizard.test", Plan10000.Portal.Abstractions.Security.PortalRoles.TerritorialReferent, (Plan10000.Portal.Abstractions.Security.ScopeClaims.Departement, "75"));
        await Factory.CreateUserClientAsync("referent.gironde@wizard.test", Plan10000.Portal.Abstractions.Security.PortalRoles.TerritorialReferent, (Plan10000.Portal.Abstractions.Security.ScopeClaims.Departement, "33"));
        var client = Factory.CreateBrowserLikeClient();
        var siren = NewSiren();
        var siret = Siret.WithKey(siren + "0002");

        var account = await SignUpAccountAsync(client, "dirigeante@boulangerie.test");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.Contains("Étape 2 sur 5", await client.GetStringAsync("/inscription"));

        var company = await PostAsync(client, "/inscription", "/inscription/entreprise", CompanyFields(siret, "Boulangerie Sainte-Anne"));
        Assert.Equal(HttpStatusCode.Redirect, company.StatusCode);
        Assert.Contains("Étape 3 sur 5", await client.GetStringAsync("/inscription"));

        var charter = await PostAsync(client, "/inscription", "/inscription/charte", [new("SignerName", "Anne Martin"), new("SignerRole", "Gérante"), new("Accept", "oui")]);
        Assert.Equal(HttpStatusCode.Redirect, charter.StatusCode);

        var added = await PostAsync(client, "/inscription", "/inscription/engagements",
        [
            new("Theme", "3"), new("Publics", "JEUNES"), new("Publics", "QPV"), new("Description", "Accueillir deux apprentis boulangers du quartier."),
            new("IntentionQuantity", "2"), new("IntentionUnit", "apprentis"), new("IntentionYear", "2026"), new("operation", "ajouter"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Accueillir deux apprentis boulangers", await client.GetStringAsync("/inscription?etape=4"));

        var next = await PostAsync(client, "/inscription", "/inscription/engagements", [new("operation", "continuer")]);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("Étape 5 sur 5", await client.GetStringAsync("/inscription"));

        var sent = await PostAsync(client, "/inscription", "/inscription/publication", [new("Consents", PublicationItems.Name), new("Consents", PublicationItems.Commitments)]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/inscription/confirmation", sent.Headers.Location!.ToString());

        var stored = await WithDbAsync(Factory, db => db.Companies.Include(c => c.Commitments).Include(c => c.Consents).SingleAsync(c => c.Siren == siren));
        Assert.Equal(CompanyStatus.Pending, stored.Status);
        Assert.Equal("75", stored.DepartementCode);
        Assert.Equal("Anne Martin", stored.Charter.SignerName);
        // Typed without its dot and in lower case, kept as the register writes it; the company is dated from its creation.
        Assert.Equal("10.71C", stored.NafCode);
        Assert.Equal(stored.CreatedAt.UtcDateTime, DateTime.SpecifyKind(stored.UpdatedAt, DateTimeKind.Utc), TimeSpan.FromSeconds(5));
        Assert.Equal(SignupController_ProvisionalId, stored.Charter.CharterId);
        var line = Assert.Single(stored.Commitments);
        Assert.Equal(3, line.ThemeNumero);
        Assert.Equal(["JEUNES", "QPV"], line.Publics);
        Assert.Equal(2, line.IntentionQuantity);
        Assert.True(stored.Publishes(PublicationItems.Name));
        Assert.False(stored.Publishes(PublicationItems.Address));
        Assert.All(stored.Consents, c => Assert.Equal(PublicationItems.TextVersion, c.TextVersion));
        Assert.Equal(1, await WithDbAsync(Factory, db => db.FicheVersions.CountAsync(v => v.CompanyId == stored.Id)));
        Assert.False(await WithDbAsync(Factory, db => db.Drafts.AnyAsync(d => d.PayloadJson.Contains(siret))));

        // The referent of the département is told; the one of another département is not.
        Assert.Contains("Boulangerie Sainte-Anne", await WaitForMailAsync(Factory, "referente.paris@wizard.test"));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(Factory.DataDirectory, "mail"), "*.eml"), f => File.ReadAllText(f).Contains("referent.gironde@wizard.test", StringComparison.Ordinal));

        // The company scope was granted and is in the refreshed cookie: the wizard now sends to the company space.
        var again = await client.GetAsync("/inscription");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/mon-entreprise", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Bad_company_input_answers_400_with_french_messages_and_keeps_what_was_typed()
    {
        var client = Factory.CreateBrowserLikeClient();
        await SignUpAccountAsync(client, "saisie@erreurs.test");

        var response = await PostAsync(client, "/inscription", "/inscription/entreprise",
        [
            new("Siret", "732 829 320 00075"), new("Name", "Ma Société Géniale"), new("SizeCode", "INCONNUE"), new("SectorCode", "INDUSTRIE"),
            new("Address", "3 rue Haute"), new("Postcode", "99999"), new("City", "Nulle-part"), new("Website", "pas un site"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ce numéro SIRET n’est pas valide", WebUtility.HtmlDecode(html));
        Assert.Contains("Ce code postal ne correspond à aucun département", WebUtility.HtmlDecode(html));
        Assert.Contains("Choisissez une taille dans la liste.", WebUtility.HtmlDecode(html));
        Assert.Contains("Saisissez une adresse complète", WebUtility.HtmlDecode(html));
        Assert.Contains("value=\"Ma Soci", html);
        Assert.Contains("value=\"732 829 320 00075\"", html);
        Assert.Contains("value=\"3 rue Haute\"", html);
        Assert.Contains("Étape 2 sur 5", html);
    }

    [Fact]
    public async Task A_siren_already_registered_is_refused_with_an_offer_to_join()
    {
        var existing = await AddCompanyAsync(Factory, "Entreprise Déjà Là", "13002", CompanyStatus.Approved);
        var client = Factory.CreateBrowserLikeClient();
        await SignUpAccountAsync(client, "doublon@siren.test");

        // Another establishment (other NIC) of the same company: still the same SIREN.
        var response = await PostAsync(client, "/inscription", "/inscription/entreprise", CompanyFields(Siret.WithKey(existing.Siren + "0099"), "Autre établissement"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("déjà inscrite", html);
        Assert.Contains("Pour rejoindre son espace", html);
        Assert.Equal(1, await WithDbAsync(Factory, db => db.Companies.CountAsync(c => c.Siren == existing.Siren)));
    }

    [Fact]
    public async Task An_account_refused_for_a_duplicate_siren_asks_to_join_and_a_member_lets_it_in()
    {
        var existing = await AddCompanyAsync(Factory, "Entreprise À Rejoindre", "75015", CompanyStatus.Approved);
        var member = await Factory.CreateUserClientAsync("membre@rejoindre.test", Plan10000.Portal.Abstractions.Security.PortalRoles.Company, (Plan10000.Portal.Abstractions.Security.ScopeClaims.Company, existing.Id.ToString()));
        var newcomer = Factory.CreateBrowserLikeClient();
        await SignUpAccountAsync(newcomer, "nouveau@rejoindre.test");
        var refused = await PostAsync(newcomer, "/inscription", "/inscription/entreprise", CompanyFields(Siret.WithKey(existing.Siren + "0042"), "Doublon"));
        Assert.Contains("action=\"/inscription/rejoindre\"", await refused.Content.ReadAsStringAsync());

        var asked = await PostAsync(newcomer, "/inscription", "/inscription/rejoindre", [new("siren", existing.Siren)]);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("nouveau@rejoindre.test", await WaitForMailAsync(Factory, "membre@rejoindre.test"));
        var space = WebUtility.HtmlDecode(await member.GetStringAsync("/mon-entreprise"));
        Assert.Contains("nouveau@rejoindre.test demande à rejoindre", space);
        var request = await WithDbAsync(Factory, db => db.JoinRequests.SingleAsync(r => r.CompanyId == existing.Id));
        var accepted = await PostAsync(member, "/mon-entreprise", $"/mon-entreprise/demandes/{request.Id}/accepter", []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // Address confirmed and signed in again, the newcomer now holds the company scope and lands in the company space.
        var again = Factory.CreateBrowserLikeClient();
        await again.GetAsync(await Factory.WaitForMailLinkAsync("nouveau@rejoindre.test", "Confirmez"));
        var login = await PortalFactory.PostFormAsync(again, "/compte/connexion", "/compte/connexion", new() { ["Email"] = "nouveau@rejoindre.test", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var page = WebUtility.HtmlDecode(await again.GetStringAsync("/mon-entreprise"));
        Assert.Contains("Entreprise À Rejoindre", page);
    }

    [Fact]
    public async Task An_existing_account_is_asked_to_sign_in_and_a_short_password_is_refused()
    {
        var first = await SignUpAccountAsync(Factory.CreateBrowserLikeClient(), "deja@compte.test");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var again = await SignUpAccountAsync(Factory.CreateBrowserLikeClient(), "deja@compte.test");
        var shortPassword = await PostAsync(Factory.CreateBrowserLikeClient(), "/inscription", "/inscription/compte",
            [new("ContactName", "Jean Court"), new("Email", "court@compte.test"), new("Password", "court")]);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("connectez-vous pour reprendre", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains("value=\"court@compte.test\"", await shortPassword.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_draft_is_kept_server_side_and_resumes_after_signing_in_again()
    {
        var client = Factory.CreateBrowserLikeClient();
        await SignUpAccountAsync(client, "reprise@brouillon.test");
        await PostAsync(client, "/inscription", "/inscription/entreprise", CompanyFields(Siret.WithKey(NewSiren() + "0001"), "Menuiserie Reprise"));

        // A new browser: confirm the address (required before any sign-in), sign in through the ordinary login form,
        // then come back to the wizard.
        var other = Factory.CreateBrowserLikeClient();
        await other.GetAsync(await Factory.WaitForMailLinkAsync("reprise@brouillon.test", "Confirmez"));
        var login = await PortalFactory.PostFormAsync(other, "/compte/connexion", "/compte/connexion", new() { ["Email"] = "reprise@brouillon.test", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var page = await other.GetStringAsync("/inscription");
        var back = await other.GetStringAsync("/inscription?etape=2");

        Assert.Contains("Étape 3 sur 5", page);
        Assert.Contains("value=\"Menuiserie Reprise\"", back);
    }

    [Fact]
    public async Task A_commitment_with_bad_numbers_gets_french_messages_and_nothing_is_lost()
    {
        var client = Factory.CreateBrowserLikeClient();
        await SignUpAccountAsync(client, "chiffres@engagement.test");
        await PostAsync(client, "/inscription", "/inscription/entreprise", CompanyFields(Siret.WithKey(NewSiren() + "0001"), "Garage Chiffres"));
        await PostAsync(client, "/inscription", "/inscription/charte", [new("SignerName", "Paul"), new("SignerRole", "Gérant"), new("Accept", "oui")]);

        var response = await PostAsync(client, "/inscription", "/inscription/engagements",
            [new("Theme", "99"), new("Description", "Former des jeunes mécaniciens"), new("IntentionQuantity", "beaucoup"), new("IntentionYear", "26"), new("operation", "ajouter")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choisissez une thématique dans la liste.", html);
        Assert.Contains("Choisissez au moins un public.", html);
        Assert.Contains("Saisissez un nombre entier positif", html);
        Assert.Contains("Saisissez une année sur quatre chiffres", html);
        Assert.Contains("Former des jeunes mécaniciens</textarea>", html);
        Assert.Contains("value=\"beaucoup\"", html);
    }

    [Fact]
    public async Task The_new_account_gets_a_confirmation_link_by_mail_which_confirms_the_address()
    {
        var client = Factory.CreateBrowserLikeClient();
        await SignUpAccountAsync(client, "confirmer@adresse.test");

        var mail = await WaitForMailAsync(Factory, "confirmer@adresse.test");
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail, @"https?://\S+/inscription/confirmer-adresse\S+").Value);
        var tampered = await Factory.CreateBrowserLikeClient().GetAsync(link.PathAndQuery.Replace("code=", "code=x", StringComparison.Ordinal));
        var confirmed = await Factory.CreateBrowserLikeClient().GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Votre adresse électronique est confirmée", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_charter_must_be_ticked()
    {
        var client = Factory.CreateBrowserLikeClient();
        await SignUpAccountAsync(client, "charte@oubli.test");
        await PostAsync(client, "/inscription", "/inscription/entreprise", CompanyFields(Siret.WithKey(NewSiren() + "0001"), "Café Charte"));

        var response = await PostAsync(client, "/inscription", "/inscription/charte", [new("SignerName", "Léa"), new("SignerRole", "Gérante")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Cochez la case pour signer la charte", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Contains("value=\"Léa\"", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private const string SignupController_ProvisionalId = "charte-provisoire";

    internal static Task<HttpResponseMessage> SignUpAccountAsync(HttpClient client, string email)
        => PostAsync(client, "/inscription", "/inscription/compte", [new("ContactName", "Anne Martin"), new("Email", email), new("Password", Password)]);

    internal static KeyValuePair<string, string>[] CompanyFields(string siret, string name) =>
    [
        new("Siret", siret), new("Name", name), new("SizeCode", "TPE"), new("SectorCode", "ARTISANAT"),
        new("Address", "12 rue de la Roquette"), new("Postcode", "75011"), new("City", "Paris"), new("Website", "https://exemple.fr"), new("NafCode", "1071c"),
    ];
}

public sealed class SignupCharterTests
{
    [Fact]
    public async Task The_company_signs_the_charter_version_published_by_the_content_module()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:Seed:Demo"] = "true" });
        Plan10000.Portal.Abstractions.Queries.Content.CharterVersionInfo current;
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(factory.Services))
        {
            current = (await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Plan10000.Portal.Abstractions.Queries.Content.IContentQuery>(scope.ServiceProvider).GetCurrentCharterAsync())!;
        }

        var client = factory.CreateBrowserLikeClient();
        var siren = NewSiren();
        await SignupWizardTests.SignUpAccountAsync(client, "signataire@charte.test");
        await PostAsync(client, "/inscription", "/inscription/entreprise", SignupWizardTests.CompanyFields(Siret.WithKey(siren + "0001"), "Atelier de la Charte"));
        var page = await client.GetStringAsync("/inscription");
        var signed = await PostAsync(client, "/inscription", "/inscription/charte", [new("SignerName", "Nadia"), new("SignerRole", "Présidente"), new("Accept", "oui")]);
        await PostAsync(client, "/inscription", "/inscription/engagements",
        [
            new("Theme", "4"), new("Publics", "JEUNES"), new("Description", "Parrainer des jeunes."), new("IntentionQuantity", "3"),
            new("IntentionUnit", "parrainages"), new("IntentionYear", "2026"), new("operation", "ajouter"),
        ]);
        await PostAsync(client, "/inscription", "/inscription/engagements", [new("operation", "continuer")]);
        await PostAsync(client, "/inscription", "/inscription/publication", [new("Consents", PublicationItems.Name)]);

        Assert.NotNull(current);
        Assert.Contains(current.Title, System.Net.WebUtility.HtmlDecode(page));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var stored = await WithDbAsync(factory, db => db.Companies.SingleAsync(c => c.Siren == siren));
        Assert.Equal(current.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Charter.CharterId);
        Assert.Equal(current.Number, stored.Charter.CharterVersion);
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}

public sealed class CompanyAccountClosedTests
{
    [Fact]
    public async Task Closing_an_account_deletes_its_unfinished_sign_up_and_join_requests()
    {
        using var factory = new PortalFactory();
        var client = factory.CreateBrowserLikeClient();
        await SignupWizardTests.SignUpAccountAsync(client, "partante@fermeture.test");
        Assert.Equal(1, await WithDbAsync(factory, db => db.Drafts.CountAsync(d => d.UserId != "")));

        var closed = await PortalFactory.PostFormAsync(client, "/compte/fermer", "/compte/fermer", new() { ["Password"] = "une phrase de passe assez longue" });

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(0, await WithDbAsync(factory, db => db.Drafts.CountAsync()));
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}

public sealed class CompanySearchConsentTests
{
    [Fact]
    public async Task The_portal_search_shows_the_town_only_when_the_address_is_published()
    {
        using var factory = new PortalFactory();
        await AddCompanyAsync(factory, "Scierie Discrète", "69001", CompanyStatus.Approved, [PublicationItems.Name]);
        await AddCompanyAsync(factory, "Scierie Ouverte", "69002", CompanyStatus.Approved, [PublicationItems.Name, PublicationItems.Address]);

        var page = System.Net.WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/recherche?q=scierie"));
        var discrete = page[page.IndexOf("Scierie Discrète", StringComparison.Ordinal)..];
        var open = page[page.IndexOf("Scierie Ouverte", StringComparison.Ordinal)..];

        Assert.StartsWith("Scierie Discrète", discrete);
        Assert.Contains("Département 69", discrete[..300]);
        Assert.DoesNotContain("Département 69", open[..300]);
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}

public sealed class SirenSquattingTests
{
    private const string Password = "une phrase de passe assez longue";

    [Fact]
    public async Task A_rejected_sign_up_frees_its_siren_and_an_account_with_a_company_cannot_register_another()
    {
        using var factory = new PortalFactory();
        var rejected = await AddCompanyAsync(factory, "Usurpateur", "75011", CompanyStatus.Rejected);
        var approved = await AddCompanyAsync(factory, "Déjà Engagée", "75012", CompanyStatus.Approved);

        var owner = factory.CreateBrowserLikeClient();
        await SignupWizardTests.SignUpAccountAsync(owner, "vraie.dirigeante@siren.test");
        var freed = await PostAsync(owner, "/inscription", "/inscription/entreprise", SignupWizardTests.CompanyFields(Siret.WithKey(rejected.Siren + "0001"), "La Vraie Entreprise"));
        var copier = factory.CreateBrowserLikeClient();
        await SignupWizardTests.SignUpAccountAsync(copier, "copie@siren.test");
        var taken = await PostAsync(copier, "/inscription", "/inscription/entreprise", SignupWizardTests.CompanyFields(Siret.WithKey(approved.Siren + "0002"), "Copie"));

        var member = await factory.CreateUserClientAsync("membre@siren.test", Plan10000.Portal.Abstractions.Security.PortalRoles.Company, (Plan10000.Portal.Abstractions.Security.ScopeClaims.Company, approved.Id.ToString()));
        var second = await PortalFactory.PostForgedAsync(member, "/compte", "/compte/deconnexion", "/inscription/entreprise",
            new(SignupWizardTests.CompanyFields(Siret.WithKey(NewSiren() + "0001"), "Deuxième Société").ToDictionary(f => f.Key, f => f.Value)));

        Assert.Equal(HttpStatusCode.Redirect, freed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/mon-entreprise", second.Headers.Location!.OriginalString);
        Assert.Equal(1, await WithDbAsync(factory, db => db.Companies.CountAsync(c => c.Name == "Déjà Engagée")));
        Assert.Equal(0, await WithDbAsync(factory, db => db.Companies.CountAsync(c => c.Name == "Deuxième Société")));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("action=\"/inscription/rejoindre\"", await taken.Content.ReadAsStringAsync());
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
