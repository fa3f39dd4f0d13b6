using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Accounts;

public sealed class AccountFlowTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Password = "quatre mots sans rapport vraiment";

    [Theory]
    [InlineData("", "Camille", Password, Password, "Saisissez votre adresse électronique.")]
    [InlineData("camille@exemple", "Camille", "court", "court", "au moins 12 caractères")]
    [InlineData("camille@exemple.fr", "Camille", Password, "autre chose encore", "Les deux mots de passe ne sont pas identiques.")]
    [InlineData("camille@exemple.fr", "Camille", "motdepasse123", "motdepasse123", "Ce mot de passe est trop courant.")]
    [InlineData("camille@exemple.fr", "", Password, Password, "Saisissez votre nom.")]
    public async Task Bad_registration_input_gets_a_french_message_and_keeps_what_was_typed(string email, string name, string password, string confirm, string message)
    {
        var client = fixture.Factory.CreateBrowserLikeClient();

        var response = await PortalFactory.PostFormAsync(client, "/compte/creer", "/compte/creer", new()
        {
            ["Email"] = email,
            ["DisplayName"] = name,
            ["Password"] = password,
            ["ConfirmPassword"] = confirm,
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains(name.Length > 0 ? $"value=\"{name}\"" : $"value=\"{email}\"", html);
    }

    [Fact]
    public async Task Registration_needs_the_confirmation_link_before_sign_in()
    {
        var client = fixture.Factory.CreateBrowserLikeClient();
        var registered = await PortalFactory.PostFormAsync(client, "/compte/creer", "/compte/creer", new()
        {
            ["Email"] = "dirigeant@pme.example",
            ["DisplayName"] = "Jean Dirigeant",
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var early = await SignInAsync(client, "dirigeant@pme.example", Password);
        Assert.Contains("pas encore confirmée", await early.Content.ReadAsStringAsync());

        var link = await fixture.Factory.WaitForMailLinkAsync("dirigeant@pme.example", "Confirmez");
        var confirmed = await client.GetAsync(link);
        Assert.Contains("Adresse confirmée", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "dirigeant@pme.example", Password)).StatusCode);

        var forged = await client.GetAsync("/compte/confirmer?uid=x&token=y");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Password_reset_by_mail_then_sign_in_with_the_new_password_and_same_answer_for_unknown_addresses()
    {
        await fixture.Factory.CreateUserClientAsync("oubli@test.gouv.fr", Plan10000.Portal.Abstractions.Security.PortalRoles.Editor);
        var client = fixture.Factory.CreateBrowserLikeClient();
        var before = fixture.Factory.MailCount();

        var unknown = await PortalFactory.PostFormAsync(client, "/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", new() { ["Email"] = "personne@nulle.part" });
        var known = await PortalFactory.PostFormAsync(client, "/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", new() { ["Email"] = "oubli@test.gouv.fr" });
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Contains("Si un compte existe pour cette adresse", await client.GetStringAsync("/compte/mot-de-passe-oublie"));

        var link = await fixture.Factory.WaitForMailLinkAsync("oubli@test.gouv.fr", "Réinitialisation");
        Assert.Equal(before + 1, fixture.Factory.MailCount());
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);

        var mismatch = await PortalFactory.PostFormAsync(client, link, "/compte/reinitialiser-mot-de-passe", new()
        {
            ["Uid"] = query["uid"]!, ["Token"] = query["token"]!, ["Password"] = "une toute nouvelle phrase", ["ConfirmPassword"] = "différente",
        });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);

        var reset = await PortalFactory.PostFormAsync(client, link, "/compte/reinitialiser-mot-de-passe", new()
        {
            ["Uid"] = query["uid"]!, ["Token"] = query["token"]!, ["Password"] = "une toute nouvelle phrase", ["ConfirmPassword"] = "une toute nouvelle phrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var reused = await PortalFactory.PostFormAsync(client, link, "/compte/reinitialiser-mot-de-passe", new()
        {
            ["Uid"] = query["uid"]!, ["Token"] = query["token"]!, ["Password"] = "encore une autre phrase", ["ConfirmPassword"] = "encore une autre phrase",
        });
        Assert.Contains("Ce lien n’est plus valide", await reused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(fixture.Factory.CreateBrowserLikeClient(), "oubli@test.gouv.fr", PortalFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(fixture.Factory.CreateBrowserLikeClient(), "oubli@test.gouv.fr", "une toute nouvelle phrase")).StatusCode);
    }

    [Fact]
    public async Task A_user_downloads_their_data_then_closes_their_account()
    {
        var client = await fixture.Factory.CreateUserClientAsync("depart@test.gouv.fr", Plan10000.Portal.Abstractions.Security.PortalRoles.Editor);

        var export = await client.GetAsync("/compte/mes-donnees");
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        Assert.Equal("depart@test.gouv.fr", json.RootElement.GetProperty("compte").GetProperty("Email").GetString());
        Assert.Equal("Redacteur", json.RootElement.GetProperty("roles")[0].GetString());
        Assert.Contains(json.RootElement.GetProperty("journal").EnumerateArray(), e => e.GetProperty("action").GetString() == "connexion");

        var wrong = await PortalFactory.PostFormAsync(client, "/compte/fermer", "/compte/fermer", new() { ["Password"] = "pas le bon" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Mot de passe incorrect.", await wrong.Content.ReadAsStringAsync());

        var closed = await PortalFactory.PostFormAsync(client, "/compte/fermer", "/compte/fermer", new() { ["Password"] = PortalFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var again = await SignInAsync(fixture.Factory.CreateBrowserLikeClient(), "depart@test.gouv.fr", PortalFactory.AdminPassword);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_ins_and_failures_are_in_the_audit_trail_which_filters_and_exports()
    {
        await SignInAsync(fixture.Factory.CreateBrowserLikeClient(), "intrus@exemple.fr", "mauvais mot de passe");
        await SignInAsync(fixture.Factory.CreateBrowserLikeClient(), "=1+1@exemple.fr", "mauvais mot de passe");
        var admin = await fixture.Factory.CreateAdminClientAsync();

        var failures = await admin.GetStringAsync("/admin/journal?type=connexion-echec");
        var csv = await admin.GetStringAsync("/admin/journal.csv?type=connexion-echec");
        var badDate = await admin.GetAsync("/admin/journal?du=32/13/2026");

        Assert.Contains("intrus@exemple.fr", failures);
        Assert.Contains("<td>connexion-echec</td>", failures);
        Assert.DoesNotContain("<td>connexion</td>", failures);
        Assert.StartsWith("\uFEFFdate;utilisateur;action", csv);
        Assert.Contains("intrus@exemple.fr", csv);
        Assert.Contains("'=1+1@exemple.fr", csv);
        Assert.DoesNotContain(";=1+1@exemple.fr", csv);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var badDateBody = await badDate.Content.ReadAsStringAsync();
        Assert.Contains("Saisissez les dates au format JJ/MM/AAAA.", badDateBody);
        Assert.DoesNotContain("intrus@exemple.fr", badDateBody);
        Assert.Matches(@"\n\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2};", csv);
    }

    [Fact]
    public async Task The_journal_filter_offers_the_actions_modules_record_under_their_own_names()
    {
        var admin = await fixture.Factory.CreateAdminClientAsync();
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Plan10000.Portal.Abstractions.Audit.IAuditLog>().RecordAsync("module-action-test", "cible", null);
        }

        var page = await admin.GetStringAsync("/admin/journal");

        Assert.Contains("<option value=\"module-action-test\"", page);
        Assert.Contains("module-action-test", await admin.GetStringAsync("/admin/journal?type=module-action-test"));
    }

    [Fact]
    public async Task Repeated_requests_on_sensitive_forms_are_rate_limited_in_french()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:RateLimit:SensitivePerMinute"] = "20" });
        var client = factory.CreateBrowserLikeClient();
        HttpResponseMessage last = new();
        for (var i = 0; i < 21; i++)
        {
            last = await PortalFactory.PostFormAsync(client, "/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", new() { ["Email"] = $"essai{i}@exemple.fr" });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("Trop de tentatives", await last.Content.ReadAsStringAsync());
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
        => PortalFactory.PostFormAsync(client, "/compte/connexion", "/compte/connexion", new() { ["Email"] = email, ["Password"] = password });
}
