using System.Security.Claims;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Services;

/// <summary>Scopes are claims of the account, loaded into the sign-in cookie and refreshed with the security stamp.</summary>
internal sealed class AccessScope : IAccessScope
{
    public bool IsNational(ClaimsPrincipal user) => user.IsInRole(PortalRoles.NationalAdmin);

    public IReadOnlySet<string>? Departements(ClaimsPrincipal user)
        => IsNational(user) ? null : user.FindAll(ScopeClaims.Departement).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool CanActOnDepartement(ClaimsPrincipal user, string departementCode)
        => IsNational(user) || user.HasClaim(c => c.Type == ScopeClaims.Departement && string.Equals(c.Value, departementCode, StringComparison.OrdinalIgnoreCase));

    public bool CanActOnClub(ClaimsPrincipal user, string clubId)
        => IsNational(user) || user.HasClaim(ScopeClaims.Club, clubId);

    public bool CanActOnCompany(ClaimsPrincipal user, string companyId)
        => IsNational(user) || user.HasClaim(ScopeClaims.Company, companyId);
}
