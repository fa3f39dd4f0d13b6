using System.Net;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Accounts;

public sealed class DemoAccountsTests
{
    [Fact]
    public async Task Demo_mode_creates_one_account_per_role_whose_credentials_work_and_marks_the_portal_as_demo()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:Seed:Demo"] = "true" });
        var client = factory.CreateBrowserLikeClient();
        Assert.Contains("Portail de démonstration", await client.GetStringAsync("/"));

        var credentials = File.ReadAllLines(Path.Combine(factory.DataDirectory, "comptes-demo.txt"));
        var editor = credentials.Single(l => l.Contains("redaction@demo.invalid", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var response = await PortalFactory.PostFormAsync(client, "/compte/connexion", "/compte/connexion",
            new() { ["Email"] = editor[^2], ["Password"] = editor[^1] });

        Assert.Equal(6, credentials.Length);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Rédacteur", await client.GetStringAsync("/compte"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/parametres")).StatusCode);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task Without_demo_mode_no_demo_account_exists()
    {
        using var factory = new PortalFactory();
        var html = await factory.CreateClient().GetStringAsync("/");

        Assert.DoesNotContain("Portail de démonstration", html);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "comptes-demo.txt")));
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
