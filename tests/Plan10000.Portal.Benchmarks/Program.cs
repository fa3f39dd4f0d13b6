using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Plan10000.Portal.Benchmarks;

// Usage: dotnet run --configuration Release --project tests/Plan10000.Portal.Benchmarks -- [companies] [artifacts directory] [indicateurs]
//        dotnet run --configuration Release --project tests/Plan10000.Portal.Benchmarks -- mail [count] [batch size] [artifacts directory]
// A third argument « indicateurs » measures only the indicator dashboards.
// BENCH_PROVIDER=PostgreSql measures on a throw-away database of the server named by PORTAL_TEST_POSTGRES (dropped at the end).
if (args.Length > 0 && args[0] == "mail")
{
    SetContentRoot();
    var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
    var batch = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
    var mailArtifacts = Path.GetFullPath(args.Length > 3 ? args[3] : Path.Combine("artifacts", "benchmarks"));
    Directory.CreateDirectory(mailArtifacts);
    var report = await MailBenchmark.RunAsync(count, batch);
    await File.WriteAllTextAsync(Path.Combine(mailArtifacts, "mail.txt"), report + Environment.NewLine);
    return;
}

var companies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var artifacts = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine("artifacts", "benchmarks"));
Directory.CreateDirectory(artifacts);

SetContentRoot();

var provider = Environment.GetEnvironmentVariable("BENCH_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";
await using var postgres = provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase)
    ? await Plan10000.Portal.Tests.Support.PostgreSqlDatabase.CreateAsync("bench")
    : null;
if (postgres is not null)
{
    ShowcaseBenchmarks.Database = postgres.PortalSettings;
}
else if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
{
    throw new InvalidOperationException($"BENCH_PROVIDER={provider} : valeurs possibles Sqlite ou PostgreSql.");
}

// Seeded once, before BenchmarkDotNet runs: every scenario then starts the portal on this same database.
var seedWatch = Stopwatch.StartNew();
var seeding = ShowcaseBenchmarks.Seed(companies);
seedWatch.Stop();
var seedLine = $"Données de charge : {seeding.Companies} entreprises et {seeding.Commitments} engagements ({(postgres is null ? "SQLite" : "PostgreSQL")}), démarrage du portail avec migrations et insertion : {seedWatch.Elapsed.TotalSeconds:F1} s";
Console.WriteLine(seedLine);
await File.WriteAllTextAsync(Path.Combine(artifacts, "seeding.txt"), seedLine + Environment.NewLine);

// In process: BenchmarkDotNet's default toolchain would generate and rebuild a copy of the whole portal for each run.
var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance.AddJob(job).WithArtifactsPath(artifacts).WithOptions(ConfigOptions.DisableOptimizationsValidator);
var valuesLine = IndicatorsBenchmarks.Describe();
Console.WriteLine(valuesLine);
await File.AppendAllTextAsync(Path.Combine(artifacts, "seeding.txt"), valuesLine + Environment.NewLine);
if (args.Length <= 2 || args[2] != "indicateurs")
{
    BenchmarkRunner.Run<ShowcaseBenchmarks>(config);
}

BenchmarkRunner.Run<IndicatorsBenchmarks>(config);
Console.WriteLine(seedLine);

// WebApplicationFactory finds the web project through attributes of the test assembly, not of this program: tell it.
static void SetContentRoot()
{
    var repository = new DirectoryInfo(AppContext.BaseDirectory);
    while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Plan10000.Portal.sln")))
    {
        repository = repository.Parent;
    }

    Environment.SetEnvironmentVariable(
        "ASPNETCORE_TEST_CONTENTROOT_PLAN10000_PORTAL_WEB",
        Path.Combine(repository?.FullName ?? throw new InvalidOperationException("Plan10000.Portal.sln introuvable au-dessus de " + AppContext.BaseDirectory), "src", "Plan10000.Portal.Web"));
}
