namespace Plan10000.Portal.Abstractions.Queries.Content;

/// <summary>
/// One published version of the common charter. A signature keeps <see cref="Id"/>: the row is never
/// changed once published, so what a company signed stays readable whatever is published later.
/// </summary>
public sealed record CharterVersionInfo(int Id, int Number, string Title, string Html, DateTimeOffset PublishedAt);

/// <summary>Published content, owned by the Content module, for the other modules.</summary>
public interface IContentQuery
{
    /// <summary>The charter version in force, or null when none has been published yet.</summary>
    Task<CharterVersionInfo?> GetCurrentCharterAsync(CancellationToken cancellationToken = default);

    /// <summary>A given charter version, e.g. the one a company signed.</summary>
    Task<CharterVersionInfo?> GetCharterVersionAsync(int id, CancellationToken cancellationToken = default);
}
