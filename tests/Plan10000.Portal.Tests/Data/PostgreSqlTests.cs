using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Data;

/// <summary>
/// Against a real PostgreSQL server: build.sh starts one and passes PORTAL_TEST_POSTGRES. Without it the tests
/// are reported as skipped, never as passed.
/// </summary>
public sealed class PostgreSqlTests
{

    [SkippableFact]
    public async Task The_portal_migrates_seeds_and_serves_on_postgresql_and_survives_a_restart()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("test");
        var connection = database.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = connection,
        };
        for (var start = 0; start < 2; start++)
        {
            using var factory = new PortalFactory(settings: settings);
            var client = await factory.CreateAdminClientAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/parametres")).StatusCode);

            using var scope = factory.Services.CreateScope();
            var query = scope.ServiceProvider.GetRequiredService<IReferentialsQuery>();
            Assert.Equal(101, (await query.GetDepartementsAsync()).Count);
            Assert.Equal(18, (await query.GetRegionsAsync()).Count);
            Assert.Equal(14, (await query.GetThemesAsync()).Count);
            PortalFixture.TryDelete(factory.DataDirectory);
        }

        await using var data = new NpgsqlConnection(connection);
        await data.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"Referentials_Departements\"", data);
        Assert.Equal(101L, (long)(await count.ExecuteScalarAsync())!);
    }

}
