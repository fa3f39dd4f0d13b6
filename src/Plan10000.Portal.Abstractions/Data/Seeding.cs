namespace Plan10000.Portal.Abstractions.Data;

/// <summary>Reference data a module needs to work; runs at every start and must be idempotent.</summary>
public interface IReferenceDataSeeder
{
    int Order => 0;

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>Demonstration data; runs only when demo seeding is on, and must leave a non-empty module alone.</summary>
public interface IDemoDataSeeder
{
    int Order => 0;

    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Benchmark data at scale (Portal:Seed:ScaleCompanies = N): runs before the demo seeders, only when the key is
/// above zero, and must leave a non-empty module alone so a restart never doubles the data.
/// </summary>
public interface IScaleDataSeeder
{
    int Order => 0;

    Task SeedAsync(int companies, CancellationToken cancellationToken);
}
