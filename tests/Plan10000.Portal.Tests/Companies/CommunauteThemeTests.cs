using System.Net;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Companies;

/// <summary>The wizard's new components (stepper, checkbox group, text area) render with the neutral theme's own markup.</summary>
public sealed class CommunauteThemeTests
{
    [Fact]
    public async Task The_commitments_step_renders_with_the_communaute_templates()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:PublicTheme"] = "Communaute" });
        var client = factory.CreateBrowserLikeClient();
        await PostAsync(client, "/inscription", "/inscription/compte", [new("ContactName", "Théo Thème"), new("Email", "theo@theme.test"), new("Password", "une phrase de passe assez longue")]);
        await PostAsync(client, "/inscription", "/inscription/entreprise",
        [
            new("Siret", Siret.WithKey(NewSiren() + "0001")), new("Name", "Thème Neutre"), new("SizeCode", "TPE"), new("SectorCode", "ARTISANAT"),
            new("Address", "1 place"), new("Postcode", "67000"), new("City", "Strasbourg"),
        ]);
        var charter = await PostAsync(client, "/inscription", "/inscription/charte", [new("SignerName", "Théo"), new("SignerRole", "Gérant"), new("Accept", "oui")]);

        var html = await client.GetStringAsync("/inscription");

        Assert.Equal(HttpStatusCode.Redirect, charter.StatusCode);
        Assert.Contains("data-theme=\"communaute\"", html);
        Assert.Contains("class=\"c-stepper\"", html);
        Assert.Contains("class=\"c-checkbox\"", html);
        Assert.Contains("<textarea id=\"f-Description\"", html);
        Assert.DoesNotContain("fr-", html);
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
