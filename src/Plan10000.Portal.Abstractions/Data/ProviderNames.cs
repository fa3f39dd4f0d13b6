namespace Plan10000.Portal.Abstractions.Data;

/// <summary>
/// The EF Core provider names a module compares <c>Database.ProviderName</c> with, where it writes SQL of its own: modules
/// reference no provider package, so they cannot call <c>IsSqlite()</c>.
/// </summary>
public static class ProviderNames
{
    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    public const string PostgreSql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public const string SqlServer = "Microsoft.EntityFrameworkCore.SqlServer";
}
