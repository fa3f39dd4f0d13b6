using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Portal.Web.Hosting;

/// <summary>
/// Host verbs: « create-admin email » creates a national admin with the password read from
/// Portal__Admin__Password or, when absent, from standard input (never from the command line).
/// </summary>
internal static class PortalCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || !args[1].Contains('@', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Usage : create-admin adresse@exemple.gouv.fr (mot de passe lu dans Portal__Admin__Password ou sur l'entrée standard)");
            return 2;
        }

        var password = app.Configuration["Portal:Admin:Password"];
        if (string.IsNullOrEmpty(password))
        {
            await Console.Out.WriteAsync("Mot de passe : ");
            password = await Console.In.ReadLineAsync() ?? "";
        }

        using var scope = app.Services.CreateScope();
        var error = await scope.ServiceProvider.GetRequiredService<INationalAdmins>().CreateAsync(args[1], password, CancellationToken.None);
        if (error is not null)
        {
            await Console.Error.WriteLineAsync("Échec : " + error);
            return 1;
        }

        await Console.Out.WriteLineAsync($"Administrateur national créé : {args[1]}");
        return 0;
    }
}
