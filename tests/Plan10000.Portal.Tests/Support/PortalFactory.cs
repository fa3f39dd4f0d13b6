using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Accounts.Models;

namespace Plan10000.Portal.Tests.Support;

/// <summary>
/// The real portal on a SQLite file of its own. Settings go through UseSetting because the host reads its
/// configuration before Build(), where ConfigureAppConfiguration callbacks would come too late.
/// </summary>
public sealed partial class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.gouv.fr";

    public PortalFactory(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataDirectory = dataDirectory ?? NewDataDirectory();
        Settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>Generated per run: no password is written in the code base.</summary>
    public static string AdminPassword { get; } = "phrase de passe de test " + Guid.NewGuid().ToString("N")[..8];

    public string DataDirectory { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Services replaced or added for one test only (e.g. a command counter on a module's DbContext), after the host's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "plan10000-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
        builder.UseSetting("Portal:Seed:Demo", "false");
        builder.UseSetting("Portal:Admin:Email", AdminEmail);
        builder.UseSetting("Portal:Admin:Password", AdminPassword);
        builder.UseSetting("Portal:Security:RequireAdminTwoFactor", "false");
        builder.UseSetting("Portal:PublicUrl", "http://localhost");
        builder.UseSetting("Portal:Security:SecureCookies", "false");
        // Test classes share one client address; the rate-limit test sets the production value back.
        builder.UseSetting("Portal:RateLimit:SensitivePerMinute", "1000");
        builder.UseSetting("Portal:Api:RequestsPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseStaticWebAssets();
        if (TestServices is { } testServices)
        {
            builder.ConfigureTestServices(testServices);
        }
    }

    /// <summary>Creates an account with a role (and its scope claims), then signs it in through the login form.</summary>
    public async Task<HttpClient> CreateUserClientAsync(string email, string role, params (string Type, string Value)[] claims)
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
            Assert.True((await users.CreateAsync(user, AdminPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            foreach (var (type, value) in claims)
            {
                await users.AddClaimAsync(user, new System.Security.Claims.Claim(type, value));
            }
        }

        var client = CreateBrowserLikeClient();
        var response = await PostFormAsync(client, "/compte/connexion", "/compte/connexion", new() { ["Email"] = email, ["Password"] = AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Waits for the job server to write the mail to the pickup folder, then returns the link it carries (path and query).</summary>
    public async Task<string> WaitForMailLinkAsync(string recipient, string subjectStart)
    {
        var folder = Path.Combine(DataDirectory, "mail");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml").Order())
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == recipient) && (message.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal))
                    {
                        var link = LinkPattern().Match(message.TextBody ?? "");
                        Assert.True(link.Success, "Pas de lien dans le courriel « " + message.Subject + " »");
                        Assert.False(string.IsNullOrEmpty(message.HtmlBody), "Le courriel n'a pas de partie HTML");
                        var uri = new Uri(link.Value);
                        return uri.PathAndQuery;
                    }
                }
            }

            await Task.Delay(300);
        }

        throw new TimeoutException($"Aucun courriel « {subjectStart} » pour {recipient} dans {folder}");
    }

    public int MailCount() => Directory.Exists(Path.Combine(DataDirectory, "mail")) ? Directory.GetFiles(Path.Combine(DataDirectory, "mail"), "*.eml").Length : 0;

    public HttpClient CreateBrowserLikeClient()
        => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs the national admin in through the real login form.</summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = CreateBrowserLikeClient();
        var response = await PostFormAsync(client, "/compte/connexion", "/compte/connexion", new() { ["Email"] = AdminEmail, ["Password"] = AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A forged post: a valid antiforgery token taken from a form the user may see, sent to an action of our choice.</summary>
    public static async Task<HttpResponseMessage> PostForgedAsync(HttpClient client, string formPage, string formAction, string target, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var form = page.IndexOf($"action=\"{formAction}\"", StringComparison.Ordinal);
        Assert.True(form >= 0, $"Pas de formulaire vers {formAction} sur {formPage}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(page[form..]).Groups[1].Value);
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>Reads the antiforgery token from the page that holds the form, then posts the form as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        var form = page.IndexOf($"action=\"{action}\"", StringComparison.Ordinal);
        Assert.True(form >= 0, $"Pas de formulaire vers {action} sur {formPage}");
        var token = TokenPattern().Match(page[form..page.IndexOf("</form>", form, StringComparison.Ordinal)]);
        Assert.True(token.Success, $"Pas de jeton antiforgery sur {formPage}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenPattern();
}
