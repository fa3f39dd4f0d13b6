using System.Net;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Accounts;

public sealed class LockoutTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_for_the_right_password()
    {
        var client = fixture.Factory.CreateBrowserLikeClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await PortalFactory.PostFormAsync(client, "/compte/connexion", "/compte/connexion",
                new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = "ce n'est pas le bon mot de passe" });
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        var response = await PortalFactory.PostFormAsync(client, "/compte/connexion", "/compte/connexion",
            new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Votre compte est verrouillé", await response.Content.ReadAsStringAsync());
    }
}
