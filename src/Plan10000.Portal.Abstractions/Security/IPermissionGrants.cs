using System.Security.Claims;

namespace Plan10000.Portal.Abstractions.Security;

/// <summary>Which roles hold which permission: seeded from each permission's default roles, then edited in the back office.</summary>
public interface IPermissionGrants
{
    Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission, CancellationToken cancellationToken = default);

    Task<IReadOnlySet<(string Role, string Permission)>> GetGrantsAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces every grant of the given roles; national admins keep every permission whatever is stored.</summary>
    Task SetGrantsAsync(IReadOnlyCollection<(string Role, string Permission)> grants, CancellationToken cancellationToken = default);
}

/// <summary>Every permission declared by the enabled modules and the host.</summary>
public interface IPermissionCatalog
{
    IReadOnlyDictionary<string, Permission> All { get; }
}
