using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Portal.Web.Hosting;

/// <summary>
/// Host verbs: « create-admin email » creates a national admin with the password read from
/// Portal__Admin__Password or, when absent, from standard input (never from the command line); the modules'
/// <see cref="IHostCommand"/> verbs (e.g. « indicateurs-verifier »).
/// </summary>
internal static class PortalCommands
{
    /// <summary>Verbs are plain words; configuration switches (<c>--urls</c>, <c>Key=Value</c>) are not verbs.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] != "create-admin")
        {
            using var commandScope = app.Services.CreateScope();
            var commands = commandScope.ServiceProvider.GetServices<IHostCommand>().ToList();
            var command = commands.FirstOrDefault(c => c.Name == args[0]);
            if (command is null)
            {
                await Console.Error.WriteLineAsync("Commande inconnue. Commandes : create-admin adresse@exemple.gouv.fr" + string.Concat(commands.Select(c => Environment.NewLine + c.Usage)));
                return 2;
            }

            return await command.RunAsync(args[1..], Console.Out, CancellationToken.None);
        }

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
