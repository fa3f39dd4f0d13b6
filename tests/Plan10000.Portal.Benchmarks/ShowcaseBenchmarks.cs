using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Companies.Data;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Benchmarks;

/// <summary>
/// Server time of the public pages on the scale data: each call goes through the whole ASP.NET Core pipeline
/// (routing, MVC, EF Core, the database, Razor) with an in-process HttpClient, so no network is measured.
/// SQLite by default; <see cref="Database"/> points it at PostgreSQL (BENCH_PROVIDER=PostgreSql, see Program.cs).
/// </summary>
[MemoryDiagnoser]
public class ShowcaseBenchmarks
{
    private static string? dataDirectory;
    private static string companies = "10000";
    private PortalFactory? factory;
    private HttpClient? client;

    /// <summary>Provider settings (Portal:Database:Provider, ConnectionStrings:Portal); empty for the default SQLite file.</summary>
    public static IReadOnlyDictionary<string, string?> Database { get; set; } = new Dictionary<string, string?>();

    /// <summary>Starts the portal once on a new SQLite database with N companies, then stops it; returns what was inserted.</summary>
    public static (int Companies, int Commitments) Seed(int count)
    {
        companies = count.ToString(CultureInfo.InvariantCulture);
        dataDirectory = PortalFactory.NewDataDirectory();
        using var seeding = NewFactory();
        using var scope = seeding.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CompaniesDbContext>();
        return (db.Companies.Count(), db.Commitments.Count());
    }

    [GlobalSetup]
    public void Start()
    {
        factory = NewFactory();
        client = factory.CreateClient();
    }

    [GlobalCleanup]
    public void Stop()
    {
        client?.Dispose();
        factory?.Dispose();
    }

    [Benchmark(Description = "Vitrine, première page")]
    public Task<string> ShowcaseFirstPage() => GetAsync("/entreprises-engagees");

    [Benchmark(Description = "Vitrine filtrée (région + thématique)")]
    public Task<string> FilteredPage() => GetAsync("/entreprises-engagees?region=84&theme=4");

    [Benchmark(Description = "Recherche plein texte")]
    public Task<string> TextSearch() => GetAsync("/entreprises-engagees?q=boulangerie+apprentis");

    [Benchmark(Description = "Vitrine, page 400")]
    public Task<string> DeepPage() => GetAsync("/entreprises-engagees?page=400");

    [Benchmark(Description = "API JSON, page 1")]
    public Task<string> ApiFirstPage() => GetAsync("/api/v1/entreprises");

    // Keyset paging (ADR 0022): a deep page must cost about what the first costs (≤ 1.2 ×).
    [Benchmark(Description = "API JSON, page 400")]
    public Task<string> ApiDeepPage() => GetAsync("/api/v1/entreprises?page=400");

    [Benchmark(Description = "API JSON, 100 entreprises")]
    public Task<string> ApiPage100() => GetAsync("/api/v1/entreprises?taillePage=100");

    [Benchmark(Description = "Tableau de bord (compteurs et carte)")]
    public Task<string> Counters() => GetAsync("/tableau-de-bord");

    [Benchmark(Description = "Dossier de presse d’un département")]
    public Task<string> PressKit() => GetAsync("/presse/75");

    private async Task<string> GetAsync(string url)
    {
        using var response = await client!.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The portal on the seeded database (also used by <see cref="IndicatorsBenchmarks"/>).</summary>
    internal static PortalFactory NewFactory() => new(dataDirectory, new Dictionary<string, string?>(Database)
    {
        ["Portal:Seed:ScaleCompanies"] = companies,
        // No job server: its polling would be measured with the pages.
        ["Portal:Jobs:Server"] = "false",
        // The queries are measured, not the output cache serving the same bytes again (./build.sh bench-http measures both).
        ["Portal:OutputCache:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Plan10000.Modules.Companies.Seed"] = "Information",
        ["Logging:LogLevel:Plan10000.Modules.Indicators.Seed"] = "Information",
    });
}
