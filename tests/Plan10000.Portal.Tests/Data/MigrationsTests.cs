using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Plan10000.Portal.Infrastructure.Data;
using Plan10000.Portal.Web.Modules;

namespace Plan10000.Portal.Tests.Data;

/// <summary>Every context, for every provider: its migrations match its model (the CI gate), and SQL Server gets an idempotent script.</summary>
public sealed class MigrationsTests
{
    private static readonly Dictionary<string, string> DesignConnections = new()
    {
        [DatabaseProviders.Sqlite] = "Data Source=:memory:",
        [DatabaseProviders.PostgreSql] = "Host=localhost;Database=design",
        [DatabaseProviders.SqlServer] = "Server=localhost;Database=design;TrustServerCertificate=true",
    };

    public static TheoryData<string, string> ProvidersAndContexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in DatabaseProviders.All)
        {
            foreach (var (module, _) in Contexts())
            {
                data.Add(provider, module);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProvidersAndContexts))]
    public void Migrations_match_the_model(string provider, string module)
    {
        using var context = Create(provider, module);

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), $"{module} ({provider}) : le modèle a changé sans migration. Lancez scripts/add-migration.sh.");
    }

    [Fact]
    public void Sql_server_gets_an_idempotent_script_for_every_module()
    {
        var script = string.Join("\nGO\n", Contexts().Select(c =>
        {
            using var context = Create(DatabaseProviders.SqlServer, c.Module);
            return context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        }));

        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("CREATE TABLE [Referentials_Departements]", script);
        Assert.Contains("CREATE TABLE [Accounts_Users]", script);
        Assert.Contains("CREATE TABLE [Portal_Settings]", script);
        var artifacts = Path.Combine(RepositoryRoot(), "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "sqlserver-idempotent.sql"), script);
    }

    [Fact]
    public void Each_module_keeps_its_own_history_table()
    {
        using var referentials = Create(DatabaseProviders.Sqlite, "Referentials");
        var options = referentials.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().Single();

        Assert.Equal("__Migrations_Referentials", options.MigrationsHistoryTableName);
        Assert.Equal("Plan10000.Portal.Migrations.Sqlite", options.MigrationsAssembly);
    }

    internal static IEnumerable<(string Module, Type Context)> Contexts()
    {
        yield return (PortalDbContext.ModuleId, typeof(PortalDbContext));
        var all = ModuleLoader.Load(new ConfigurationBuilder().Build());
        foreach (var module in all.Loaded)
        {
            foreach (var context in module.DbContexts)
            {
                yield return (module.Descriptor.Id, context);
            }
        }
    }

    private static DbContext Create(string provider, string module)
    {
        var type = Contexts().Single(c => c.Module == module).Context;
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        builder.UsePortalDatabase(new DatabaseSettings(provider, DesignConnections[provider]), module);
        return (DbContext)Activator.CreateInstance(type, builder.Options)!;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Plan10000.Portal.sln")))
            {
                return directory.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
