using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Accounts;

public sealed partial class TwoFactorTests
{
    [Fact]
    public async Task A_national_admin_must_set_up_totp_before_the_back_office_and_then_signs_in_with_a_code()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:Security:RequireAdminTwoFactor"] = "true" });
        var client = await factory.CreateAdminClientAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/jobs")).StatusCode);
        var blocked = await client.GetAsync("/admin/parametres");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/compte/double-authentification", blocked.Headers.Location!.OriginalString);

        var setup = await client.GetStringAsync("/compte/double-authentification");
        Assert.Contains("Étape obligatoire", setup);
        var key = KeyPattern().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var qr = await client.GetAsync("/compte/double-authentification/qr.png");
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);

        var wrong = await PortalFactory.PostFormAsync(client, "/compte/double-authentification", "/compte/double-authentification", new() { ["Code"] = "000000" == Totp(key) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Code incorrect", await wrong.Content.ReadAsStringAsync());

        var enabled = await PortalFactory.PostFormAsync(client, "/compte/double-authentification", "/compte/double-authentification", new() { ["Code"] = Totp(key) });
        Assert.Contains("Notez vos codes de secours", await enabled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/parametres")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/compte/double-authentification/qr.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/jobs")).StatusCode);

        var fresh = factory.CreateBrowserLikeClient();
        var first = await PortalFactory.PostFormAsync(fresh, "/compte/connexion", "/compte/connexion", new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword });
        Assert.StartsWith("/compte/connexion-2fa", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/admin/parametres")).StatusCode);

        var second = await PortalFactory.PostFormAsync(fresh, "/compte/connexion-2fa", "/compte/connexion-2fa", new() { ["Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/admin/parametres")).StatusCode);
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    /// <summary>RFC 6238 with the authenticator defaults (SHA-1, 30 s, 6 digits), written here so the test does not trust the code under test.</summary>
    private static string Totp(string base32Key)
    {
        var key = Base32(base32Key);
        var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1; this only checks the portal interoperates with them.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.ToUpperInvariant().TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }

    [GeneratedRegex("clé : <code>([a-z0-9 ]+)</code>")]
    private static partial Regex KeyPattern();
}
