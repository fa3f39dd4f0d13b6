using System.Net;
using Plan10000.Modules.Content.Models;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

/// <summary>Every back-office and public content page renders (no 500), for the editor, the admin and the public.</summary>
public sealed class ContentPagesSmokeTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Back_office_pages_render_for_the_admin_and_the_editor_but_not_for_a_company()
    {
        var id = await ContentSeed.PublishAsync(fixture.Factory, ContentKind.BonnePratique, "Pratique pour les écrans", "Texte.");
        var admin = await fixture.Factory.CreateAdminClientAsync();
        var editor = await fixture.Factory.CreateUserClientAsync("redacteur-ecrans@test.gouv.fr", PortalRoles.Editor);
        var company = await fixture.Factory.CreateUserClientAsync("entreprise-ecrans@test.gouv.fr", PortalRoles.Company);
        string[] pages =
        [
            "/admin/contenus", "/admin/contenus?type=bonne-pratique&statut=Published&q=ecrans", "/admin/contenus/nouveau",
            "/admin/contenus/nouveau?type=page", "/admin/contenus/nouveau?type=charte", "/admin/contenus/nouveau?type=bonne-pratique",
            "/admin/contenus/nouveau?type=dispositif", "/admin/contenus/nouveau?type=actualite", $"/admin/contenus/{id}",
            $"/admin/contenus/{id}/historique", $"/admin/contenus/{id}/comparer?de=1&a=1", "/admin/medias", "/admin/medias?q=x", "/admin/territoires",
        ];

        foreach (var url in pages)
        {
            Assert.True((await admin.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
        }

        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/contenus")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/medias")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/territoires")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await company.GetAsync("/admin/contenus")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await company.GetAsync($"/contenus/apercu/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/contenus/{id}/comparer?de=1&a=99")).StatusCode);
        var menu = await editor.GetStringAsync("/admin");
        Assert.Contains("/admin/contenus", menu);
        Assert.Contains("/admin/medias", menu);
    }

    [Fact]
    public async Task Odd_public_queries_never_fail()
    {
        var client = fixture.Factory.CreateClient();
        foreach (var url in new[] { "/actualites?page=999999999", "/actualites?page=-3", "/actualites?page=abc", "/ressources/bonnes-pratiques?theme=abc&q=%25%5F", "/ressources/dispositifs?theme=99999999999" })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
        }
    }
}
