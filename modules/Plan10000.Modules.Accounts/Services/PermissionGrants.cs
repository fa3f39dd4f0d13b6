using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Plan10000.Modules.Accounts.Data;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Services;

/// <summary>Grants are read on every authorization check, so they are cached and the cache is dropped on change.</summary>
internal sealed class PermissionGrants(AccountsDbContext db, IMemoryCache cache) : IPermissionGrants
{
    private const string CacheKey = "accounts:grants";

    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (user.IsInRole(PortalRoles.NationalAdmin))
        {
            return true;
        }

        var grants = await GetGrantsAsync(cancellationToken);
        return PortalRoles.All.Any(role => user.IsInRole(role) && grants.Contains((role, permission)));
    }

    public async Task<IReadOnlySet<(string Role, string Permission)>> GetGrantsAsync(CancellationToken cancellationToken = default)
        => (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            var rows = await db.RolePermissions.AsNoTracking().Select(g => new { g.Role, g.Permission }).ToListAsync(cancellationToken);
            return (IReadOnlySet<(string, string)>)rows.Select(r => (r.Role, r.Permission)).ToHashSet();
        }))!;

    public async Task SetGrantsAsync(IReadOnlyCollection<(string Role, string Permission)> grants, CancellationToken cancellationToken = default)
    {
        var roles = grants.Select(g => g.Role).Concat(PortalRoles.All).Where(r => r != PortalRoles.NationalAdmin).ToHashSet();
        db.RolePermissions.RemoveRange(await db.RolePermissions.Where(g => roles.Contains(g.Role)).ToListAsync(cancellationToken));
        db.RolePermissions.AddRange(grants.Where(g => g.Role != PortalRoles.NationalAdmin).Distinct().Select(g => new RolePermission { Role = g.Role, Permission = g.Permission }));
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(CacheKey);
    }
}

/// <summary>Applies each newly declared permission's default roles once; later edits in the back office are kept.</summary>
internal sealed class PermissionGrantsSeeder(AccountsDbContext db, IPermissionCatalog catalog, IMemoryCache cache) : IReferenceDataSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var known = (await db.KnownPermissions.Select(k => k.Permission).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var permission in catalog.All.Values.Where(p => !known.Contains(p.Name)))
        {
            db.KnownPermissions.Add(new KnownPermission { Permission = permission.Name });
            db.RolePermissions.AddRange(permission.DefaultRoles.Where(r => r != PortalRoles.NationalAdmin).Distinct()
                .Select(r => new RolePermission { Role = r, Permission = permission.Name }));
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Remove("accounts:grants");
    }
}
