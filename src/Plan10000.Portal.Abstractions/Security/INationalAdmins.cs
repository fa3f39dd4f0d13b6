namespace Plan10000.Portal.Abstractions.Security;

/// <summary>Creates a national admin: at start from configuration, or from the host's « create-admin » command.</summary>
public interface INationalAdmins
{
    /// <returns>null when created, else the reason in French.</returns>
    Task<string?> CreateAsync(string email, string password, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
