using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;

namespace Plan10000.Modules.Content.Services;

/// <summary>
/// Where the bytes of the media library live, by stored name (the metadata stay in <c>Content_Media</c>). Chosen by
/// <c>Portal:Media:Store</c>: <see cref="DatabaseMediaBlobs"/> is seen by every instance on the same database,
/// <see cref="FileSystemMediaBlobs"/> only by the instances sharing the data directory (ADR 0027).
/// </summary>
internal interface IMediaBlobs
{
    Task WriteAsync(string storedName, Stream content, CancellationToken cancellationToken);

    /// <summary>The content, or null when the store holds nothing under that name.</summary>
    Task<Stream?> OpenReadAsync(string storedName, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string storedName, CancellationToken cancellationToken);

    Task DeleteAsync(string storedName, CancellationToken cancellationToken);
}

internal static class MediaStores
{
    public const string Database = "Database";
    public const string FileSystem = "FileSystem";

    /// <summary>The database by default wherever several instances can share it; SQLite is a one-instance database.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration["Portal:Media:Store"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            var provider = configuration["Portal:Database:Provider"];
            return string.IsNullOrEmpty(provider) || string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase) ? FileSystem : Database;
        }

        return new[] { Database, FileSystem }.FirstOrDefault(s => string.Equals(s, configured.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Portal:Media:Store « {configured} » est inconnu. Valeurs possibles : {Database}, {FileSystem}.");
    }

    public static string DirectoryOf(IConfiguration configuration) => Path.Combine(configuration["Portal:DataDirectory"] ?? "App_Data", "media");
}

/// <summary>Files under Portal:DataDirectory/media, outside the web root.</summary>
internal sealed class FileSystemMediaBlobs(IConfiguration configuration) : IMediaBlobs
{
    private readonly string directory = MediaStores.DirectoryOf(configuration);

    public async Task WriteAsync(string storedName, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await using var target = File.Create(PathOf(storedName));
        await content.CopyToAsync(target, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string storedName, CancellationToken cancellationToken)
        => Task.FromResult<Stream?>(File.Exists(PathOf(storedName)) ? File.OpenRead(PathOf(storedName)) : null);

    public Task<bool> ExistsAsync(string storedName, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(storedName)));

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken)
    {
        if (File.Exists(PathOf(storedName)))
        {
            File.Delete(PathOf(storedName));
        }

        return Task.CompletedTask;
    }

    // Stored names are generated (guid + extension) and looked up in Content_Media first; GetFileName is a second guard.
    private string PathOf(string storedName) => Path.Combine(directory, Path.GetFileName(storedName));
}

/// <summary>
/// Rows of <c>Content_MediaBlobs</c>, apart from the metadata so that listing the library never reads the bytes. A file
/// is at most 10 MB, so it is read whole; the served answer carries an ETag and Last-Modified, so a browser that has
/// it gets a 304 without the bytes.
/// </summary>
internal sealed class DatabaseMediaBlobs(ContentDbContext db) : IMediaBlobs
{
    public async Task WriteAsync(string storedName, Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var blob = new MediaBlob { StoredName = storedName, Data = buffer.ToArray() };
        db.MediaBlobs.Add(blob);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(blob).State = EntityState.Detached;
    }

    public async Task<Stream?> OpenReadAsync(string storedName, CancellationToken cancellationToken)
    {
        var data = await db.MediaBlobs.AsNoTracking().Where(b => b.StoredName == storedName).Select(b => b.Data).FirstOrDefaultAsync(cancellationToken);
        return data is null ? null : new MemoryStream(data, writable: false);
    }

    public Task<bool> ExistsAsync(string storedName, CancellationToken cancellationToken)
        => db.MediaBlobs.AnyAsync(b => b.StoredName == storedName, cancellationToken);

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken)
        => db.MediaBlobs.Where(b => b.StoredName == storedName).ExecuteDeleteAsync(cancellationToken);
}
