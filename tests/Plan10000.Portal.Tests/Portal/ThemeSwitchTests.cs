using System.Net;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Portal;

public sealed class ThemeSwitchTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Switching_the_public_theme_in_the_back_office_changes_the_next_page()
    {
        var client = await fixture.Factory.CreateAdminClientAsync();
        Assert.Contains("data-theme=\"dsfr\"", await client.GetStringAsync("/"));

        var saved = await PortalFactory.PostFormAsync(client, "/admin/parametres", "/admin/parametres", new()
        {
            ["PublicTheme"] = "Communaute",
            ["AccessibilityStatus"] = "partiellement conforme",
            ["ContactEmail"] = "contact@exemple.gouv.fr",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var home = await client.GetStringAsync("/");
        Assert.Contains("data-theme=\"communaute\"", home);
        Assert.Matches(@"communaute(\.[a-z0-9]+)?\.css", home);
        Assert.DoesNotContain("dsfr", home.Replace("data-theme=\"communaute\"", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Accessibilité : partiellement conforme", home);
        Assert.Contains("Les paramètres du site ont été enregistrés.", await client.GetStringAsync("/admin/parametres"));
    }
}
