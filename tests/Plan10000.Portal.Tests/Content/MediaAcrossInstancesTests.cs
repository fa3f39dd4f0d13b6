using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

/// <summary>
/// Two instances with data directories of their own on one PostgreSQL: the database store is the default there, so a
/// file uploaded through one instance is served by the other (ADR 0027).
/// </summary>
public sealed class MediaAcrossInstancesTests
{
    [SkippableFact]
    public async Task An_image_uploaded_through_one_instance_is_served_by_another_on_the_same_postgresql()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync("media");
        using var a = new PortalFactory(settings: database.PortalSettings);
        var admin = await a.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await MediaStoreBehaviour.UploadAsync(admin, MediaStoreBehaviour.Png, "partagee.png", "image/png")).StatusCode);
        var media = await ContentSeed.WithDbAsync(a, db => Task.FromResult(db.Media.Single(m => m.OriginalName == "partagee.png")));

        // Hangfire keeps static state: the second host runs no job server (TOOLCHAIN.md).
        using var b = new PortalFactory(settings: new Dictionary<string, string?>(database.PortalSettings) { ["Portal:Jobs:Server"] = "false" });
        var served = await b.CreateClient().GetAsync(media.Url);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(MediaStoreBehaviour.Png, await served.Content.ReadAsByteArrayAsync());
        Assert.False(Directory.Exists(Path.Combine(a.DataDirectory, "media")) && Directory.EnumerateFiles(Path.Combine(a.DataDirectory, "media")).Any());
        PortalFixture.TryDelete(a.DataDirectory);
        PortalFixture.TryDelete(b.DataDirectory);
    }
}

/// <summary>« media-migrer » copies the files of a one-instance portal into the database, once, and says what it did.</summary>
public sealed class MediaMigrationCommandTests
{
    private static async Task<(int Code, string Output)> MigrateAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var command = scope.ServiceProvider.GetServices<IHostCommand>().Single(c => c.Name == "media-migrer");
        using var output = new StringWriter();
        var code = await command.RunAsync([], output, CancellationToken.None);
        return (code, output.ToString());
    }

    [Fact]
    public async Task The_files_are_copied_into_the_database_once_and_then_served_from_it()
    {
        var directory = PortalFactory.NewDataDirectory();
        var pdf = "%PDF-1.4\n% guide\n"u8.ToArray();
        string imageUrl, pdfUrl;
        using (var single = new PortalFactory(directory))
        {
            var admin = await single.CreateAdminClientAsync();
            await MediaStoreBehaviour.UploadAsync(admin, MediaStoreBehaviour.Png, "logo.png", "image/png");
            await MediaStoreBehaviour.UploadAsync(admin, pdf, "guide.pdf", "application/pdf", alt: null);
            (imageUrl, pdfUrl) = await ContentSeed.WithDbAsync(single, db => Task.FromResult((db.Media.Single(m => m.OriginalName == "logo.png").Url, db.Media.Single(m => m.OriginalName == "guide.pdf").Url)));
            Assert.Equal(2, Directory.GetFiles(Path.Combine(directory, "media")).Length);

            var first = await MigrateAsync(single);
            var second = await MigrateAsync(single);

            Assert.Equal(0, first.Code);
            Assert.Contains("2 fichier(s) copié(s) en base, 0 déjà présent(s), 0 introuvable(s)", first.Output, StringComparison.Ordinal);
            Assert.Equal(0, second.Code);
            Assert.Contains("0 fichier(s) copié(s) en base, 2 déjà présent(s), 0 introuvable(s)", second.Output, StringComparison.Ordinal);

            await MediaStoreBehaviour.UploadAsync(admin, MediaStoreBehaviour.Png, "perdu.png", "image/png");
            var lost = await ContentSeed.WithDbAsync(single, db => Task.FromResult(db.Media.Single(m => m.OriginalName == "perdu.png").StoredName));
            File.Delete(Path.Combine(directory, "media", lost));
            var third = await MigrateAsync(single);
            Assert.Equal(1, third.Code);
            Assert.Contains("Absent du disque et de la base : " + lost, third.Output, StringComparison.Ordinal);
            Assert.Contains("2 déjà présent(s), 1 introuvable(s)", third.Output, StringComparison.Ordinal);
        }

        Directory.Delete(Path.Combine(directory, "media"), recursive: true);
        using var database = new PortalFactory(directory, new Dictionary<string, string?> { ["Portal:Media:Store"] = "Database" });
        var client = database.CreateClient();
        Assert.Equal(MediaStoreBehaviour.Png, await client.GetByteArrayAsync(imageUrl));
        Assert.Equal(pdf, await client.GetByteArrayAsync(pdfUrl));
        PortalFixture.TryDelete(directory);
    }
}
