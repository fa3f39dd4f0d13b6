namespace Plan10000.Portal.Abstractions.Queries.Content;

/// <summary>The charter companies sign; <see cref="Html"/> is already sanitised by its owner.</summary>
public sealed record CharterInfo(string Id, int Version, string Title, string Html);

/// <summary>Implemented by the module that publishes the charter (Content); optional, so resolve it with GetService.</summary>
public interface ICharterQuery
{
    Task<CharterInfo?> GetCurrentAsync(CancellationToken cancellationToken);
}
