namespace Plan10000.Portal.Abstractions.Queries.Content;

/// <summary>
/// One published version of the common charter. A signature keeps <see cref="Id"/>: the row is never
/// changed once published, so what a company signed stays readable whatever is published later.
/// </summary>
public sealed record CharterVersionInfo(int Id, int Number, string Title, string Html, DateTimeOffset PublishedAt);

/// <summary>An image of the media library; <see cref="Url"/> is a site-relative address (« /medias/… »).</summary>
public sealed record MediaImageInfo(string Url, string Name, string? Alt);

/// <summary>A published item with its public address (site-relative).</summary>
public sealed record ContentHeadline(string Title, string Url, string Summary, DateTimeOffset PublishedAt);

/// <summary>Published content, owned by the Content module, for the other modules.</summary>
public interface IContentQuery
{
    /// <summary>The charter version in force, or null when none has been published yet.</summary>
    Task<CharterVersionInfo?> GetCurrentCharterAsync(CancellationToken cancellationToken = default);

    /// <summary>A given charter version, e.g. the one a company signed.</summary>
    Task<CharterVersionInfo?> GetCharterVersionAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>The newest images of the media library, for editors of other modules (newsletters).</summary>
    Task<IReadOnlyList<MediaImageInfo>> GetImagesAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Best-practice sheets published after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<ContentHeadline>> GetBestPracticesPublishedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default);
}
