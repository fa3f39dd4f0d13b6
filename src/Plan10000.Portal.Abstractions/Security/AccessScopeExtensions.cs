using System.Security.Claims;

namespace Plan10000.Portal.Abstractions.Security;

public static class AccessScopeExtensions
{
    /// <summary>
    /// The company a company account acts for: its company claim, when the scope rule lets it act on that company;
    /// null for any other account. Every module reads it here, never from the URL.
    /// </summary>
    public static Guid? OwnCompanyId(this IAccessScope scope, ClaimsPrincipal user)
    {
        var claim = user.FindFirst(ScopeClaims.Company)?.Value;
        return claim is not null && Guid.TryParse(claim, out var id) && scope.CanActOnCompany(user, claim) ? id : null;
    }
}
