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

/// <summary>The permissions every module declared, with their default roles.</summary>
internal sealed class PermissionCatalog(IEnumerable<IPermissionProvider> providers) : IPermissionCatalog
{
    private readonly Lazy<IReadOnlyDictionary<string, Permission>> all = new(() =>
        providers.SelectMany(p => p.GetPermissions()).ToDictionary(p => p.Name, StringComparer.Ordinal));

    public IReadOnlyDictionary<string, Permission> All => all.Value;
}

internal sealed class PermissionHandler(IHttpContextAccessor http) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        // Grants live in the Accounts module (scoped DbContext): resolve them from the request's services.
        var grants = http.HttpContext?.RequestServices.GetService<IPermissionGrants>();
        if (grants is not null && await grants.HasPermissionAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
