using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Content.Models;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

/// <summary>The behaviour of the media library, which both stores must give alike (ADR 0027).</summary>
public abstract class MediaStoreBehaviour(PortalFactory factory, bool inDatabase)
{
    internal static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name, string contentType, string? alt = "Un pixel")
    {
        var page = await client.GetStringAsync("/admin/medias");
        var token = PortalFactory.TokenPattern().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", name);
        form.Add(new StringContent(alt ?? ""), "alt");
        form.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        return await client.PostAsync("/admin/medias", form);
    }

    /// <summary>The bytes are in the chosen store and nowhere else.</summary>
    private async Task AssertStoredAsync(string storedName, bool stored)
    {
        var onDisk = File.Exists(Path.Combine(factory.DataDirectory, "media", storedName));
        var inTable = await ContentSeed.WithDbAsync(factory, db => db.MediaBlobs.AnyAsync(b => b.StoredName == storedName));
        Assert.Equal(stored && !inDatabase, onDisk);
        Assert.Equal(stored && inDatabase, inTable);
    }

    [Fact]
    public async Task Too_big_renamed_executable_svg_and_html_are_refused_in_french()
    {
        var client = await factory.CreateAdminClientAsync();
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

        string[] names = ["grande.png", "photo.png", "logo.svg", "page.pdf"];
        Assert.Equal(0, await ContentSeed.WithDbAsync(factory, db => db.Media.CountAsync(m => names.Contains(m.OriginalName))));
        var known = await ContentSeed.WithDbAsync(factory, db => db.Media.Select(m => m.StoredName).ToListAsync());
        Assert.Equal(0, await ContentSeed.WithDbAsync(factory, db => db.MediaBlobs.CountAsync(b => !known.Contains(b.StoredName))));
        var folder = Path.Combine(factory.DataDirectory, "media");
        Assert.All(Directory.Exists(folder) ? Directory.GetFiles(folder) : [], f => Assert.Contains(Path.GetFileName(f), known));
    }

    [Fact]
    public async Task An_image_needs_its_alt_text_then_is_served_with_its_type_and_cannot_be_deleted_while_used()
    {
        var client = await factory.CreateAdminClientAsync();

        var noAlt = await UploadAsync(client, Png, "pixel.png", "image/png", alt: null);
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);
        Assert.Contains("Le texte alternatif est obligatoire", await noAlt.Content.ReadAsStringAsync());

        var ok = await UploadAsync(client, Png, "pixel.png", "application/octet-stream");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var media = await ContentSeed.WithDbAsync(factory, db => Task.FromResult(db.Media.Single(m => m.OriginalName == "pixel.png")));
        var served = await factory.CreateClient().GetAsync(media.Url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Null(served.Content.Headers.ContentDisposition);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        await AssertStoredAsync(media.StoredName, stored: true);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/media/" + media.StoredName)).StatusCode);
        using var again = new HttpRequestMessage(HttpMethod.Get, media.Url);
        again.Headers.IfNoneMatch.Add(served.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await factory.CreateClient().SendAsync(again)).StatusCode);

        await ContentSeed.PublishAsync(factory, ContentKind.Actualite, "Actualité illustrée", $"![Un pixel]({media.Url})", i => (i.CoverUrl, i.CoverAlt) = (media.Url, "Un pixel en couverture"));
        var detail = await factory.CreateClient().GetStringAsync("/actualites/actualite-illustree");
        Assert.Contains($"<meta property=\"og:image\" content=\"http://localhost{media.Url}\"", detail);
        Assert.Contains($"<img src=\"{media.Url}\" alt=\"Un pixel en couverture\"", detail);
        Assert.Contains($"value=\"{media.Url}\"", await client.GetStringAsync("/admin/contenus/nouveau?type=actualite"));
        var refused = await PortalFactory.PostFormAsync(client, "/admin/medias", $"/admin/medias/{media.Id}/supprimer", []);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("est utilisé par", await client.GetStringAsync("/admin/medias"));
        Assert.Equal(1, await ContentSeed.WithDbAsync(factory, db => Task.FromResult(db.Media.Count(m => m.Id == media.Id))));
        await AssertStoredAsync(media.StoredName, stored: true);
    }

    [Fact]
    public async Task A_pdf_is_served_as_a_download_and_once_deleted_is_gone_from_the_store()
    {
        var client = await factory.CreateAdminClientAsync();
        var pdf = "%PDF-1.4\n% guide\n"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, pdf, "guide.pdf", "application/pdf", alt: null)).StatusCode);
        var media = await ContentSeed.WithDbAsync(factory, db => db.Media.SingleAsync(m => m.OriginalName == "guide.pdf"));

        var served = await factory.CreateClient().GetAsync(media.Url);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());

        var deleted = await PortalFactory.PostFormAsync(client, "/admin/medias", $"/admin/medias/{media.Id}/supprimer", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(media.Url)).StatusCode);
        await AssertStoredAsync(media.StoredName, stored: false);
    }
}

/// <summary>SQLite's default: files in the data directory.</summary>
public sealed class MediaTests(PortalFixture fixture) : MediaStoreBehaviour(fixture.Factory, inDatabase: false), IClassFixture<PortalFixture>;

/// <summary>The store every instance sees (PostgreSQL's and SQL Server's default), here on SQLite for the same behaviour.</summary>
public sealed class DatabaseMediaTests(DatabaseMediaTests.Fixture fixture) : MediaStoreBehaviour(fixture.Factory, inDatabase: true), IClassFixture<DatabaseMediaTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["Portal:Media:Store"] = "Database" });

        public void Dispose()
        {
            Factory.Dispose();
            PortalFixture.TryDelete(Factory.DataDirectory);
        }
    }
}
