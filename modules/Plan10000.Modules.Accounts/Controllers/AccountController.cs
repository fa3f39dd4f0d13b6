using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Accounts.ViewModels;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Controllers;

[Area("Accounts")]
[Route("compte")]
public sealed class AccountController(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : Controller
{
    [HttpGet("connexion")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("connexion")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.Sensitive)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (ModelState.IsValid)
        {
            var result = await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/compte");
            }

            ModelState.AddModelError(nameof(form.Password), result.IsLockedOut
                ? "Votre compte est verrouillé après plusieurs tentatives infructueuses. Réessayez dans 15 minutes ou réinitialisez votre mot de passe."
                : "Adresse électronique ou mot de passe incorrect.");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        form.Password = "";
        return View(form);
    }

    [HttpPost("deconnexion")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("")]
    [Authorize]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var roles = await users.GetRolesAsync(user);
        return View(new AccountViewModel(user.DisplayName, user.Email ?? "", [.. roles.Select(r => PortalRoles.Labels.GetValueOrDefault(r, r))]));
    }
}

public sealed record AccountViewModel(string DisplayName, string Email, IReadOnlyList<string> Roles);
