using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Tests.Support;
using static Plan10000.Portal.Tests.Companies.CompaniesTestSupport;

namespace Plan10000.Portal.Tests.Api;

internal static class ApiTestSupport
{
    /// <summary>The slug the document gives as the example of /api/v1/entreprises/{slug}.</summary>
    public const string ExampleSlug = "boulangerie-du-port-552100554";

    /// <summary>A listed company under the documented example slug, so that the example of the path parameter names something real.</summary>
    public static async Task AddExampleCompanyAsync(PortalFactory factory)
    {
        if (await WithDbAsync(factory, db => db.Companies.AnyAsync(c => c.Slug == ExampleSlug)))
        {
            return;
        }

        var company = await AddCompanyAsync(factory, "Boulangerie du Port", "59140", CompanyStatus.Approved, null, (4, "JEUNES", "Accueillir six stagiaires de 3e."));
        await WithDbAsync(factory, async db =>
        {
            var stored = await db.Companies.FindAsync(company.Id);
            stored!.Slug = ExampleSlug;
            return await db.SaveChangesAsync();
        });
        // Seeded behind the module's back (no event): start from an empty output cache.
        await factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync("site", CancellationToken.None);
    }

    public static async Task<JsonObject> DocumentAsync(PortalFactory factory)
        => (JsonObject)JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

    /// <summary>The repository's root, where npm installed the validator (./build.sh runs npm ci).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")) && File.Exists(Path.Combine(directory.FullName, "Plan10000.Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Racine du dépôt introuvable depuis " + AppContext.BaseDirectory);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The validator works offline: no telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
