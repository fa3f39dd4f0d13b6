using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Benchmarks;

/// <summary>
/// Server time of the indicator dashboards on the scale data (about 100 validated values per company, 1,000,000 at
/// 10,000 companies), signed in as the national admin: national, régional and départemental levels read the
/// pre-aggregated table, the club level the values of its members.
/// </summary>
[MemoryDiagnoser]
public class IndicatorsBenchmarks
{
    private PortalFactory? factory;
    private HttpClient? client;

    /// <summary>What the scale seed wrote, for the seeding line of the report.</summary>
    public static string Describe()
    {
        using var portal = ShowcaseBenchmarks.NewFactory();
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IndicatorsDbContext>();
        return $"Indicateurs : {db.Values.Count()} valeurs validées, {db.Submissions.Count()} remontées, {db.Aggregates.Count()} agrégats (département × indicateur × période)";
    }

    [GlobalSetup]
    public void Start()
    {
        factory = ShowcaseBenchmarks.NewFactory();
        client = factory.CreateAdminClientAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Stop()
    {
        client?.Dispose();
        factory?.Dispose();
    }

    [Benchmark(Description = "Tableau de bord national")]
    public Task<string> National() => GetAsync("/admin/indicateurs/tableau-de-bord/national");

    [Benchmark(Description = "Tableau de bord national filtré (thématique + année)")]
    public Task<string> NationalFiltered() => GetAsync("/admin/indicateurs/tableau-de-bord/national?theme=3&periode=2026");

    [Benchmark(Description = "Tableau de bord régional (Auvergne-Rhône-Alpes)")]
    public Task<string> Regional() => GetAsync("/admin/indicateurs/tableau-de-bord/region/84");

    [Benchmark(Description = "Tableau de bord départemental (Rhône)")]
    public Task<string> Departemental() => GetAsync("/admin/indicateurs/tableau-de-bord/departement/69");

    [Benchmark(Description = "Export XLSX national")]
    public Task<string> NationalXlsx() => GetAsync("/admin/indicateurs/tableau-de-bord/national?format=xlsx");

    [Benchmark(Description = "Indicateurs publics (France entière)")]
    public Task<string> Public() => GetAsync("/tableau-de-bord/indicateurs");

    private async Task<string> GetAsync(string url)
    {
        using var response = await client!.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
