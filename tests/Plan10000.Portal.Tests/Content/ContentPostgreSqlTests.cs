using System.Net;
using Npgsql;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

/// <summary>The content tables, the accent-insensitive search and scheduling on a real PostgreSQL server (started by build.sh).</summary>
public sealed class ContentPostgreSqlTests
{

    [SkippableFact]
    public async Task Demo_content_search_and_scheduling_work_on_postgresql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("content");
        var connection = database.ConnectionString;
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

}
