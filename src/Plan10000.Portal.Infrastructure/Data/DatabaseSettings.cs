using Microsoft.EntityFrameworkCore;

namespace Plan10000.Portal.Infrastructure.Data;

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    public const string SqlServer = "SqlServer";

    public static IReadOnlyList<string> All { get; } = [Sqlite, PostgreSql, SqlServer];
}

/// <summary>The provider and connection every module's DbContext uses: one database, one set of tables per module.</summary>
public sealed record DatabaseSettings(string Provider, string ConnectionString)
{
    public string MigrationsAssembly => "Plan10000.Portal.Migrations." + Provider;

    public static DatabaseSettings Create(string? provider, string? connectionString, string dataDirectory)
    {
        var name = DatabaseProviders.All.FirstOrDefault(p => string.Equals(p, provider ?? DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"Portal:Database:Provider « {provider} » est inconnu. Valeurs possibles : {string.Join(", ", DatabaseProviders.All)}.");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (name != DatabaseProviders.Sqlite)
            {
                throw new InvalidOperationException($"ConnectionStrings:Portal est obligatoire avec le fournisseur {name}.");
            }

            connectionString = $"Data Source={Path.Combine(dataDirectory, "portal.db")}";
        }

        return new DatabaseSettings(name, connectionString);
    }
}

public static class DbContextOptionsBuilderExtensions
{
    private static readonly SqliteReadTuning SqliteTuning = new();

    private static readonly PostgreSqlPreparedReads PreparedReads = new();

    /// <summary>Points a module's context at the shared database, its provider's migrations assembly and its own history table.</summary>
    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder builder, DatabaseSettings settings, string moduleId)
    {
        var history = "__Migrations_" + moduleId;
        _ = settings.Provider switch
        {
            DatabaseProviders.Sqlite => builder.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(settings.MigrationsAssembly).MigrationsHistoryTable(history))
                .AddInterceptors(SqliteTuning),
            DatabaseProviders.PostgreSql => builder.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(settings.MigrationsAssembly).MigrationsHistoryTable(history))
                .AddInterceptors(PreparedReads),
            DatabaseProviders.SqlServer => builder.UseSqlServer(settings.ConnectionString, o => o.MigrationsAssembly(settings.MigrationsAssembly).MigrationsHistoryTable(history)),
            _ => throw new InvalidOperationException("Fournisseur inconnu : " + settings.Provider),
        };
        return builder;
    }
}
