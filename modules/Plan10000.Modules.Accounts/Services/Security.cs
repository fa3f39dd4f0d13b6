using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Services;

/// <summary>Portal:Security; two-factor for national admins is on outside Development unless configured off.</summary>
internal sealed class SecurityOptions
{
    public bool RequireAdminTwoFactor { get; set; }
}

/// <summary>Puts what the back office checks on every request into the cookie: two-factor state.</summary>
internal sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    public const string TwoFactorClaim = "portail:2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorClaim, "1"));
        }

        identity.AddClaim(new Claim("portail:nom", user.DisplayName));
        return identity;
    }
}

internal sealed class AdminTwoFactorRule(SecurityOptions security) : IAdminTwoFactorRule
{
    public bool IsSatisfiedBy(ClaimsPrincipal user)
        => !security.RequireAdminTwoFactor || !user.IsInRole(PortalRoles.NationalAdmin) || user.HasClaim(PortalClaimsFactory.TwoFactorClaim, "1");
}

/// <summary>A national admin without two-factor is sent to set it up before any back-office page.</summary>
internal sealed class RequireAdminTwoFactorFilter(SecurityOptions security) : IAsyncActionFilter
{
    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (security.RequireAdminTwoFactor
            && http.Request.Path.StartsWithSegments("/admin")
            && http.User.IsInRole(PortalRoles.NationalAdmin)
            && !http.User.HasClaim(PortalClaimsFactory.TwoFactorClaim, "1"))
        {
            context.Result = new RedirectResult("/compte/double-authentification");
            return Task.CompletedTask;
        }

        return next();
    }
}
