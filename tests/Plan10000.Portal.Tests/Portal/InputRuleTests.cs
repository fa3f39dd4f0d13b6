using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plan10000.Modules.Accounts;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Portal;

/// <summary>Regression tests for the reproductions of issue 16: bad input answers 4xx with a French message, never 500.</summary>
public sealed class InputRuleTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string ControlMessage = "caractère invisible non autorisé";

    [Fact]
    public async Task A_nul_byte_in_the_public_password_reset_form_is_a_field_error_keeping_what_was_typed()
    {
        var log = new CapturedLog();
        using var factory = new PortalFactory { TestServices = services => services.AddSingleton<ILoggerProvider>(log) };
        var client = factory.CreateBrowserLikeClient();
        var response = await PortalFactory.PostFormAsync(client, "/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", new() { ["Email"] = "marie\0.curie@exemple.fr" });
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(log.Entries.All(e => e.Level < LogLevel.Error), string.Join("\n", log.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message + " " + e.Exception)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(ControlMessage, page);
        Assert.Contains("marie", page);
        Assert.Contains(".curie@exemple.fr", page);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task A_control_character_in_the_account_creation_form_creates_no_account()
    {
        var client = fixture.Factory.CreateBrowserLikeClient();
        var response = await PortalFactory.PostFormAsync(client, "/compte/creer", "/compte/creer", new()
        {
            ["DisplayName"] = "Jean\u0007 Valjean",
            ["Email"] = "jean.valjean@exemple.fr",
            ["Password"] = "une phrase de passe assez longue 24601",
            ["ConfirmPassword"] = "une phrase de passe assez longue 24601",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(ControlMessage, await response.Content.ReadAsStringAsync());
        using var scope = fixture.Factory.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("jean.valjean@exemple.fr"));
    }

    [Fact]
    public async Task Tabs_and_newlines_are_not_control_characters_for_the_rule()
    {
        var client = fixture.Factory.CreateBrowserLikeClient();
        var response = await PortalFactory.PostFormAsync(client, "/compte/creer", "/compte/creer", new()
        {
            ["DisplayName"] = "Cosette\tFauchelevent\r\nMontfermeil",
            ["Email"] = "cosette@exemple.fr",
            ["Password"] = "une phrase de passe assez longue 24601",
            ["ConfirmPassword"] = "une phrase de passe assez longue 24601",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_control_character_in_a_query_string_is_a_french_400_page()
    {
        var client = fixture.Factory.CreateBrowserLikeClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/recherche?q=" + Uri.EscapeDataString("inclusion\0"));
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Requête incorrecte", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_control_character_in_a_json_body_is_a_400_problem_naming_the_field()
    {
        var client = fixture.Factory.CreateBrowserLikeClient();
        var response = await client.PostAsync("/compte/connexion", new StringContent("{\"email\":\"a\\u0000b@exemple.fr\",\"liste\":[\"ok\",\"\\u001b\"]}", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("$.email", body);
        Assert.Contains("$.liste[1]", body);
    }

    [Fact]
    public async Task Refused_submissions_cost_no_rate_limit_permit()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:RateLimit:SensitivePerMinute"] = "2" });
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 4; i++)
        {
            var refused = await PortalFactory.PostFormAsync(client, "/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", new() { ["Email"] = $"x{i}\0@exemple.fr" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var accepted = await PortalFactory.PostFormAsync(client, "/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", new() { ["Email"] = "personne@exemple.fr" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task Inviting_with_a_blank_email_is_a_field_error_not_a_500()
    {
        var admin = await fixture.Factory.CreateAdminClientAsync();
        var response = await PortalFactory.PostFormAsync(admin, "/admin/utilisateurs/inviter", "/admin/utilisateurs/inviter", new()
        {
            ["Email"] = "",
            ["DisplayName"] = "Préfecture de l’Aude",
            ["Role"] = PortalRoles.TerritorialReferent,
            ["Departements"] = "11",
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Saisissez l’adresse électronique.", page);
        Assert.Contains("Préfecture de l’Aude", page);
    }

    [Fact]
    public async Task A_malformed_grant_entry_on_the_roles_page_is_a_400_and_changes_no_grant()
    {
        var admin = await fixture.Factory.CreateAdminClientAsync();
        var before = await admin.GetStringAsync("/admin/roles");
        var response = await PostRolesAsync(admin, [$"{PortalRoles.Editor}|{Permissions.ManageUsers}", "", "sans-barre", "a|b|c", $"{PortalRoles.NationalAdmin}|inconnue"]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ne correspond à aucun rôle", await response.Content.ReadAsStringAsync());
        Assert.Equal(Checked(before), Checked(await admin.GetStringAsync("/admin/roles")));
    }

    [Fact]
    public async Task Removing_every_permission_of_a_role_with_users_asks_for_confirmation_first()
    {
        using var factory = new PortalFactory();
        var editor = await factory.CreateUserClientAsync("redaction@test.gouv.fr", PortalRoles.Editor);
        var admin = await factory.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
        var kept = Checked(await admin.GetStringAsync("/admin/roles")).Where(g => !g.StartsWith(PortalRoles.Editor + "|", StringComparison.Ordinal)).ToList();

        var asked = await PostRolesAsync(admin, kept);
        var question = await asked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("confirm-empty-roles", question);
        Assert.Contains("name=\"confirmEmptyRoles\" value=\"true\"", question);
        Assert.Contains(Checked(await admin.GetStringAsync("/admin/roles")), g => g.StartsWith(PortalRoles.Editor + "|", StringComparison.Ordinal));

        var confirmed = await PostRolesAsync(admin, kept, confirm: true);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.DoesNotContain(Checked(await admin.GetStringAsync("/admin/roles")), g => g.StartsWith(PortalRoles.Editor + "|", StringComparison.Ordinal));
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task A_server_error_is_logged_with_its_exception_path_and_request_id_shown_on_the_error_page()
    {
        var log = new CapturedLog();
        using var factory = new PortalFactory
        {
            TestServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(log);
                services.AddSingleton<IStartupFilter, FaultRoute>();
            },
        };
        var client = factory.CreateBrowserLikeClient();
        var response = await client.GetAsync(FaultRoute.Path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var reference = System.Text.RegularExpressions.Regex.Match(page, "id=\"incident-reference\">([^<]+)<").Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(reference), "Pas de référence de l’incident sur la page d’erreur");
        Assert.Contains("référence de l’incident", page);
        Assert.DoesNotContain(FaultRoute.Secret, page);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == FaultRoute.Secret
            && e.Message.Contains(reference, StringComparison.Ordinal) && e.Message.Contains(FaultRoute.Path, StringComparison.Ordinal));
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    private static async Task<HttpResponseMessage> PostRolesAsync(HttpClient admin, IEnumerable<string> grants, bool confirm = false)
    {
        var page = await admin.GetStringAsync("/admin/roles");
        var token = System.Text.RegularExpressions.Regex.Match(page[page.IndexOf("action=\"/admin/roles\"", StringComparison.Ordinal)..], "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = grants.Select(v => new KeyValuePair<string, string>("grant", v)).Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        if (confirm)
        {
            fields = fields.Append(new("confirmEmptyRoles", "true"));
        }

        return await admin.PostAsync("/admin/roles", new FormUrlEncodedContent(fields));
    }

    private static List<string> Checked(string matrix)
        => [.. System.Text.RegularExpressions.Regex.Matches(matrix, "value=\"([^\"]+)\" checked=\"checked\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>A route that only this test host has: it fails as an unexpected bug would, inside the portal's pipeline.</summary>
    private sealed class FaultRoute : IStartupFilter
    {
        public const string Path = "/test-seulement/panne";
        public const string Secret = "Panne injectée par le test";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
