using Npgsql;

namespace Plan10000.Portal.Tests.Support;

/// <summary>
/// A throw-away database on the PostgreSQL server that build.sh starts (PORTAL_TEST_POSTGRES). Without that server the
/// test is reported as skipped, never as passed. Disposing drops the database.
/// </summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");

    private PostgreSqlDatabase(string name) => Name = name;

    public string Name { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString;

    /// <summary>The settings that point a <see cref="PortalFactory"/> at this database.</summary>
    public Dictionary<string, string?> PortalSettings => new()
    {
        ["Portal:Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Portal"] = ConnectionString,
    };

    public static async Task<PostgreSqlDatabase> CreateAsync(string prefix)
    {
        Skip.If(string.IsNullOrEmpty(Server), "PORTAL_TEST_POSTGRES n'est pas défini (lancez ./build.sh test).");
        var database = new PostgreSqlDatabase($"plan10000_{prefix}_{Guid.NewGuid().ToString("N")[..12]}");
        await ExecuteAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
