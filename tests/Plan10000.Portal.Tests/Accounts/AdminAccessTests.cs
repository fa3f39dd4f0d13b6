using System.Net;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Accounts;

public sealed class AdminAccessTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page()
    {
        var response = await fixture.Factory.CreateBrowserLikeClient().GetAsync("/admin/parametres");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/compte/connexion", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task National_admin_reaches_settings_and_modules()
    {
        var client = await fixture.Factory.CreateAdminClientAsync();

        var settings = await client.GetAsync("/admin/parametres");
        var modules = await client.GetStringAsync("/admin/modules");

        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Contains("data-theme=\"admin\"", await settings.Content.ReadAsStringAsync());
        Assert.Contains("Référentiels", modules);
        Assert.Contains("Activé", modules);
    }

    [Fact]
    public async Task Wrong_password_gets_a_french_message_next_to_the_field_and_keeps_the_email()
    {
        var client = fixture.Factory.CreateBrowserLikeClient();

        var response = await PortalFactory.PostFormAsync(client, "/compte/connexion", "/compte/connexion",
            new() { ["Email"] = "inconnu@exemple.fr", ["Password"] = "mauvais mot de passe" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", html);
        Assert.Contains("value=\"inconnu@exemple.fr\"", html);
        Assert.Contains("id=\"f-Password-erreur\"", html);
    }

    [Fact]
    public async Task Malformed_login_input_gets_french_messages_and_no_500()
    {
        var client = fixture.Factory.CreateBrowserLikeClient();

        var response = await PortalFactory.PostFormAsync(client, "/compte/connexion", "/compte/connexion",
            new() { ["Email"] = "pas-une-adresse", ["Password"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Saisissez une adresse électronique valide", html);
        Assert.Contains("Saisissez votre mot de passe.", html);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var client = fixture.Factory.CreateBrowserLikeClient();

        var response = await client.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = PortalFactory.AdminEmail,
            ["Password"] = PortalFactory.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Requête incorrecte", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_french_messages_and_nothing_is_saved()
    {
        var client = await fixture.Factory.CreateAdminClientAsync();

        var response = await PortalFactory.PostFormAsync(client, "/admin/parametres", "/admin/parametres", new()
        {
            ["PublicTheme"] = "Inexistant",
            ["AccessibilityStatus"] = "conforme peut-être",
            ["ContactEmail"] = "pas une adresse",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ce thème n’existe pas".Replace('’', '\''), html.Replace("&#x27;", "'"));
        Assert.Contains("Saisissez une adresse électronique valide", html);
        Assert.Contains("value=\"pas une adresse\"", html);
        Assert.Matches(@"lib/dsfr/dsfr\.min\.[a-z0-9]+\.css", await client.GetStringAsync("/"));
    }
}
