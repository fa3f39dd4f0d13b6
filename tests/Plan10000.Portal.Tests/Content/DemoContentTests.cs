using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Seed;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

public sealed class DemoContentTests : IDisposable
{
    private readonly PortalFactory factory = new(settings: new Dictionary<string, string?> { ["Portal:Seed:Demo"] = "true", ["Portal:PublicTheme"] = "Communaute" });

    [Fact]
    public async Task Demo_content_covers_every_theme_once_and_is_not_seeded_twice()
    {
        var client = factory.CreateClient();
        var charter = await client.GetStringAsync("/charte");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Plan10000.Modules.Content.Data.ContentDbContext>();
        var counts = await db.Items.GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var sheetThemes = await db.Items.Where(i => i.Kind == ContentKind.Dispositif).Select(i => i.Themes).ToListAsync();

        Assert.Contains("Texte de démonstration", charter);
        Assert.Equal(1, counts[ContentKind.Charte]);
        Assert.InRange(counts[ContentKind.BonnePratique], 8, 12);
        Assert.Equal(14, counts[ContentKind.Dispositif]);
        Assert.Equal(Enumerable.Range(1, 14).Select(n => $",{n},").Order(), sheetThemes.Order());
        Assert.InRange(counts[ContentKind.Actualite], 2, 5);
        Assert.All(await db.Items.Select(i => i.Status).ToListAsync(), s => Assert.Equal(ContentStatus.Published, s));

        var seeder = scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<ContentDemoSeeder>().Single();
        await seeder.SeedAsync(CancellationToken.None);
        Assert.Equal(counts.Values.Sum(), await db.Items.CountAsync());
    }

    [Fact]
    public async Task Content_pages_render_in_the_communaute_theme_with_their_meta_tags()
    {
        var client = factory.CreateClient();
        var detail = await client.GetStringAsync("/ressources/bonnes-pratiques/stages-de-troisieme-pour-les-collegiens-de-rep");

        Assert.Contains("data-theme=\"communaute\"", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("property=\"og:title\"", detail);
        Assert.Contains("c-rich-text", detail);
        foreach (var url in new[] { "/ressources/bonnes-pratiques", "/ressources/dispositifs", "/ressources/dispositifs/thematique-1-dispositifs", "/actualites", "/charte", "/pages/a-propos", "/territoires/2A" })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == System.Net.HttpStatusCode.OK, url);
        }
    }

    public void Dispose()
    {
        factory.Dispose();
        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
