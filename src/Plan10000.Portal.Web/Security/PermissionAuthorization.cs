using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Portal.Web.Security;

internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Turns any "Permission:X" policy name into a requirement, so modules declare permissions without registering policies.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[PermissionPolicy.Prefix.Length..]))
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

/// <summary>The permissions every module declared, and which roles hold them.</summary>
internal sealed class PermissionCatalog(IEnumerable<IPermissionProvider> providers)
{
    private readonly Lazy<IReadOnlyDictionary<string, Permission>> all = new(() =>
        providers.SelectMany(p => p.GetPermissions()).ToDictionary(p => p.Name, StringComparer.Ordinal));

    public IReadOnlyDictionary<string, Permission> All => all.Value;

    public bool Grants(System.Security.Claims.ClaimsPrincipal user, string permission)
        => user.IsInRole(PortalRoles.NationalAdmin)
           || (All.TryGetValue(permission, out var p) && p.DefaultRoles.Any(user.IsInRole));
}

internal sealed class PermissionHandler(PermissionCatalog catalog) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (catalog.Grants(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
