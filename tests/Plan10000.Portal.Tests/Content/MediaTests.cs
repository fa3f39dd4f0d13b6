using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Plan10000.Modules.Content.Models;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

public sealed partial class MediaTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name, string contentType, string? alt = "Un pixel")
    {
        var page = await client.GetStringAsync("/admin/medias");
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", name);
        form.Add(new StringContent(alt ?? ""), "alt");
        form.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        return await client.PostAsync("/admin/medias", form);
    }

    [Fact]
    public async Task Too_big_renamed_executable_svg_and_html_are_refused_in_french()
    {
        var client = await fixture.Factory.CreateAdminClientAsync();
        var big = new byte[20 * 1024 * 1024];
        Png.CopyTo(big, 0);
        var exe = new byte[1024];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        var html = "<!DOCTYPE html><script>alert(1)</script>"u8.ToArray();

        var tooBig = await UploadAsync(client, big, "grande.png", "image/png");
        var renamed = await UploadAsync(client, exe, "photo.png", "image/png");
        var vector = await UploadAsync(client, svg, "logo.svg", "image/svg+xml");
        var page = await UploadAsync(client, html, "page.pdf", "application/pdf");

        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("dépasse la taille maximale de 10 Mo", await tooBig.Content.ReadAsStringAsync());
        foreach (var refused in new[] { renamed, vector, page })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("seules les images PNG, JPEG, WebP et les documents PDF sont acceptés", await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal(0, await ContentSeed.WithDbAsync(fixture.Factory, db => Task.FromResult(db.Media.Count(m => m.OriginalName != "pixel.png"))));
    }

    [Fact]
    public async Task An_image_needs_its_alt_text_then_is_served_with_its_type_and_cannot_be_deleted_while_used()
    {
        var client = await fixture.Factory.CreateAdminClientAsync();

        var noAlt = await UploadAsync(client, Png, "pixel.png", "image/png", alt: null);
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);
        Assert.Contains("Le texte alternatif est obligatoire", await noAlt.Content.ReadAsStringAsync());

        var ok = await UploadAsync(client, Png, "pixel.png", "application/octet-stream");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var media = await ContentSeed.WithDbAsync(fixture.Factory, db => Task.FromResult(db.Media.Single(m => m.OriginalName == "pixel.png")));
        var served = await fixture.Factory.CreateClient().GetAsync(media.Url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        Assert.True(File.Exists(Path.Combine(fixture.Factory.DataDirectory, "media", media.StoredName)));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Factory.CreateClient().GetAsync("/media/" + media.StoredName)).StatusCode);

        await ContentSeed.PublishAsync(fixture.Factory, ContentKind.Actualite, "Actualité illustrée", $"![Un pixel]({media.Url})", i => (i.CoverUrl, i.CoverAlt) = (media.Url, "Un pixel en couverture"));
        var detail = await fixture.Factory.CreateClient().GetStringAsync("/actualites/actualite-illustree");
        Assert.Contains($"<meta property=\"og:image\" content=\"http://localhost{media.Url}\"", detail);
        Assert.Contains($"<img src=\"{media.Url}\" alt=\"Un pixel en couverture\"", detail);
        Assert.Contains($"value=\"{media.Url}\"", await client.GetStringAsync("/admin/contenus/nouveau?type=actualite"));
        var refused = await PortalFactory.PostFormAsync(client, "/admin/medias", $"/admin/medias/{media.Id}/supprimer", []);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("est utilisé par", await client.GetStringAsync("/admin/medias"));
        Assert.Equal(1, await ContentSeed.WithDbAsync(fixture.Factory, db => Task.FromResult(db.Media.Count(m => m.Id == media.Id))));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
