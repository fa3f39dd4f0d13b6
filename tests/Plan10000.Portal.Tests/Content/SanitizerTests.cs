using System.Net;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Services;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

public sealed class SanitizerTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    internal const string Hostile = "# Titre\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n<a href=\"JaVaScRiPt:alert(1)\" onclick=\"alert(1)\">y</a>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![Une image](/medias/exemple.png)";

    [Fact]
    public void Rendering_removes_scripts_handlers_and_javascript_urls_but_keeps_anchors_tables_and_images()
    {
        var html = new MarkdownRenderer().Render(Hostile);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h1 id=\"titre\">", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<img src=\"/medias/exemple.png\" alt=\"Une image\">", html);
    }

    [Fact]
    public async Task A_hostile_body_is_stored_as_written_and_served_harmless()
    {
        var id = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Actualite, "Actualité piégée", Hostile);

        var stored = await ContentSeed.LoadAsync(fixture.Factory, id);
        var response = await fixture.Factory.CreateClient().GetAsync("/actualites/actualite-piegee");
        var html = await response.Content.ReadAsStringAsync();
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

        Assert.Equal(Hostile, stored.Body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", main, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", main, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<td>1</td>", main);
    }

    [Theory]
    [InlineData("Égalité des chances", "egalite-des-chances")]
    [InlineData("  Cœur de métier : l’apprentissage !", "coeur-de-metier-l-apprentissage")]
    public void Slugs_and_search_text_drop_accents(string title, string slug)
    {
        Assert.Equal(slug, Text.Slugify(title));
        Assert.Equal("egalite", Text.Normalize("ÉGALITÉ"));
    }
}
