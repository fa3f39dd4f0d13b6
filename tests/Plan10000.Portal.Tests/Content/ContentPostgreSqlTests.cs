using System.Net;
using Npgsql;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

/// <summary>The content tables, the accent-insensitive search and scheduling on a real PostgreSQL server (started by build.sh).</summary>
public sealed class ContentPostgreSqlTests
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");

    [SkippableFact]
    public async Task Demo_content_search_and_scheduling_work_on_postgresql()
    {
        Skip.If(string.IsNullOrEmpty(Server), "PORTAL_TEST_POSTGRES n'est pas défini (lancez ./build.sh test).");
        var database = "plan10000_content_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE {database}");
        var connection = new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;
        try
        {
            using var factory = new PortalFactory(settings: new Dictionary<string, string?>
            {
                ["Portal:Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:Portal"] = connection,
                ["Portal:Seed:Demo"] = "true",
            });
            var admin = await factory.CreateAdminClientAsync();

            var found = await admin.GetStringAsync("/ressources/bonnes-pratiques?q=travailleurs+HANDICAPES");
            var notFound = await admin.GetStringAsync("/ressources/bonnes-pratiques?q=handicapes&theme=1");
            Assert.Contains("Accueillir et maintenir dans l’emploi les travailleurs handicapés", found);
            Assert.DoesNotContain("Accueillir et maintenir dans l’emploi les travailleurs handicapés", notFound);

            var create = await PortalFactory.PostFormAsync(admin, "/admin/contenus/nouveau?type=actualite", "/admin/contenus/nouveau?type=actualite", new()
            {
                ["Title"] = "Annonce programmée sur PostgreSQL",
                ["Summary"] = "Résumé.",
                ["Body"] = "Texte.",
            });
            var edit = create.Headers.Location!.ToString();
            var paris = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(3), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
            var scheduled = await PortalFactory.PostFormAsync(admin, edit, edit + "/publier", new() { ["publishAt"] = paris.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) });

            Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
            Assert.Contains("publication programmée le", await admin.GetStringAsync(edit));
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/flux/actualites.xml")).StatusCode);
            PortalFixture.TryDelete(factory.DataDirectory);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
