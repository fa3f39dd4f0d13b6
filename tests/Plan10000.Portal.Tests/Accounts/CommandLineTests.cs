using System.Diagnostics;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Accounts;

public sealed class CommandLineTests
{
    [Fact]
    public async Task The_create_admin_verb_creates_a_national_admin_once_with_the_password_from_the_environment()
    {
        var directory = PortalFactory.NewDataDirectory();
        var first = await RunAsync(directory, "premier.admin@test.gouv.fr", PortalFactory.AdminPassword);
        var again = await RunAsync(directory, "premier.admin@test.gouv.fr", PortalFactory.AdminPassword);
        var weak = await RunAsync(directory, "autre.admin@test.gouv.fr", "court");

        Assert.Equal(0, first.Code);
        Assert.Contains("Administrateur national créé : premier.admin@test.gouv.fr", first.Output);
        Assert.Equal(1, again.Code);
        Assert.Contains("un compte existe déjà", again.Output);
        Assert.Equal(1, weak.Code);
        Assert.Contains("au moins 12 caractères", weak.Output);

        using var factory = new PortalFactory(directory);
        var client = factory.CreateBrowserLikeClient();
        var signIn = await PortalFactory.PostFormAsync(client, "/compte/connexion", "/compte/connexion", new() { ["Email"] = "premier.admin@test.gouv.fr", ["Password"] = PortalFactory.AdminPassword });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        PortalFixture.TryDelete(directory);
    }

    private static async Task<(int Code, string Output)> RunAsync(string directory, string email, string password)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Plan10000.Portal.Web.dll"), "create-admin", email])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Portal__DataDirectory"] = directory;
        start.Environment["Portal__Admin__Password"] = password;
        start.Environment["Portal__Admin__Email"] = "";
        start.Environment["Portal__Jobs__Server"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }
}
