using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;

namespace Plan10000.Modules.Content.Services;

internal sealed record MediaCheck(string? ContentType, string? Extension, string? Error);

/// <summary>
/// Files are kept by the configured <see cref="IMediaBlobs"/> under a random name; the type is decided by the first
/// bytes, never by the uploaded name or the browser's Content-Type, so a renamed .exe, an SVG (which can carry script)
/// or an HTML page is refused.
/// </summary>
internal sealed class MediaStore(ContentDbContext db, IMediaBlobs blobs, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    internal static MediaCheck Check(ReadOnlySpan<byte> head, long length)
    {
        if (length == 0)
        {
            return new(null, null, "Le fichier est vide.");
        }

        if (length > MaxBytes)
        {
            return new(null, null, $"Le fichier dépasse la taille maximale de {MaxBytes / 1024 / 1024} Mo.");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new("image/png", ".png", null);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new("image/jpeg", ".jpg", null);
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return new("image/webp", ".webp", null);
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return new("application/pdf", ".pdf", null);
        }

        return new(null, null, "Format refusé : seules les images PNG, JPEG, WebP et les documents PDF sont acceptés (le contenu du fichier a été vérifié, pas seulement son nom).");
    }

    internal async Task<(MediaFile? File, string? Error)> SaveAsync(IFormFile upload, string? alt, string uploadedBy, CancellationToken cancellationToken)
    {
        if (upload.Length > MaxBytes)
        {
            return (null, Check([], upload.Length).Error);
        }

        var head = new byte[16];
        int read;
        await using (var stream = upload.OpenReadStream())
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var check = Check(head.AsSpan(0, read), upload.Length);
        if (check.Error is not null)
        {
            return (null, check.Error);
        }

        if (check.ContentType!.StartsWith("image/", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(alt))
        {
            return (null, "Le texte alternatif est obligatoire pour une image : décrivez ce qu’elle montre.");
        }

        if (alt is { Length: > 300 })
        {
            return (null, "Le texte alternatif : 300 caractères au plus.");
        }

        var stored = Guid.NewGuid().ToString("N") + check.Extension;
        await using (var content = upload.OpenReadStream())
        {
            await blobs.WriteAsync(stored, content, cancellationToken);
        }

        var name = Path.GetFileName(upload.FileName);
        var media = new MediaFile
        {
            StoredName = stored,
            OriginalName = Text.Truncate(name, 250),
            ContentType = check.ContentType,
            Size = upload.Length,
            Alt = string.IsNullOrWhiteSpace(alt) ? null : alt.Trim(),
            UploadedBy = uploadedBy,
            UploadedAt = clock.GetUtcNow(),
            SearchText = Text.Truncate(Text.Normalize(name + " " + alt), 600),
        };
        db.Media.Add(media);
        await db.SaveChangesAsync(cancellationToken);
        return (media, null);
    }

    /// <summary>A file still shown by some content (cover or body) cannot be deleted.</summary>
    internal Task<List<string>> UsedByAsync(MediaFile media, CancellationToken cancellationToken)
        => db.Items.Where(i => i.CoverUrl == media.Url || i.Body.Contains(media.StoredName)).Select(i => i.Title).ToListAsync(cancellationToken);

    internal async Task DeleteAsync(MediaFile media, CancellationToken cancellationToken)
    {
        db.Media.Remove(media);
        await db.SaveChangesAsync(cancellationToken);
        await blobs.DeleteAsync(media.StoredName, cancellationToken);
    }

    internal Task<Stream?> OpenReadAsync(MediaFile media, CancellationToken cancellationToken) => blobs.OpenReadAsync(media.StoredName, cancellationToken);
}
