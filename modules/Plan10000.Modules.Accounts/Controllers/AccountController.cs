using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Accounts.Services;
using Plan10000.Modules.Accounts.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Accounts.Controllers;

/// <summary>Sign-in, registration, address confirmation and password reset; the signed-in user's own data is MyAccountController.</summary>
[Area("Accounts")]
[Route("compte")]
public sealed class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    IAuditLog audit,
    IBackgroundJobs jobs,
    TimeProvider clock) : Controller
{
    private const string ResetSentMessage = "Si un compte existe pour cette adresse, un message contenant un lien de réinitialisation vient d’être envoyé. Pensez à vérifier vos courriers indésirables.";

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
            var email = form.Email.Trim();
            var user = await users.FindByEmailAsync(email);
            var result = await signIn.PasswordSignInAsync(email, form.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await audit.RecordForAsync(user?.Id, email, AuditActions.SignIn);
                return LocalRedirect(SafeReturn(form.ReturnUrl));
            }

            if (result.RequiresTwoFactor)
            {
                return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = form.ReturnUrl });
            }

            await audit.RecordForAsync(user?.Id, email, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed);
            ModelState.AddModelError(nameof(form.Password), result switch
            {
                { IsLockedOut: true } => "Votre compte est verrouillé après plusieurs tentatives infructueuses. Réessayez dans 15 minutes ou réinitialisez votre mot de passe.",
                { IsNotAllowed: true } => "Votre adresse électronique n’est pas encore confirmée : suivez le lien reçu par courriel.",
                _ => "Adresse électronique ou mot de passe incorrect.",
            });
        }

        return Invalid(form, f => f.Password = "");
    }

    [HttpGet("connexion-2fa")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl)
        => await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToAction(nameof(Login)) : View(new TwoFactorLoginForm { ReturnUrl = returnUrl });

    [HttpPost("connexion-2fa")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.Sensitive)]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorLoginForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        if (ModelState.IsValid)
        {
            var result = await signIn.TwoFactorAuthenticatorSignInAsync(form.Code.Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
            if (result.Succeeded)
            {
                await audit.RecordForAsync(user.Id, user.Email, AuditActions.SignIn, details: "double authentification");
                return LocalRedirect(SafeReturn(form.ReturnUrl));
            }

            await audit.RecordForAsync(user.Id, user.Email, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, details: "code de double authentification");
            ModelState.AddModelError(nameof(form.Code), result.IsLockedOut ? "Votre compte est verrouillé pour 15 minutes." : "Code incorrect ou expiré.");
        }

        return Invalid(form, f => f.Code = "");
    }

    [HttpPost("deconnexion")]
    public async Task<IActionResult> Logout()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(AuditActions.SignOut);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("creer")]
    [AllowAnonymous]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("creer")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.Sensitive)]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        if (ModelState.IsValid)
        {
            var email = form.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                ModelState.AddModelError(nameof(form.Email), "Un compte existe déjà avec cette adresse. Connectez-vous ou réinitialisez votre mot de passe.");
            }
            else
            {
                var user = new PortalUser { UserName = email, Email = email, DisplayName = form.DisplayName.Trim(), CreatedAt = clock.GetUtcNow() };
                var created = await users.CreateAsync(user, form.Password);
                if (created.Succeeded)
                {
                    await audit.RecordForAsync(user.Id, email, AuditActions.UserRegistered);
                    jobs.Enqueue<AccountMailJob>(j => j.SendConfirmationAsync(user.Id));
                    TempData["Success"] = $"Votre compte est créé. Un lien de confirmation vient d’être envoyé à {email} : suivez-le pour pouvoir vous connecter.";
                    return RedirectToAction(nameof(Login));
                }

                AddErrors(created, nameof(form.Password));
            }
        }

        return Invalid(form, f => (f.Password, f.ConfirmPassword) = ("", ""));
    }

    [HttpGet("confirmer")]
    [AllowAnonymous]
    public async Task<IActionResult> Confirm(string? uid, string? token)
    {
        var user = uid is null ? null : await users.FindByIdAsync(uid);
        if (user is null || token is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new AlertModel(AlertKind.Error, "Lien de confirmation invalide ou expiré", "Connectez-vous pour recevoir un nouveau lien, ou créez votre compte à nouveau."));
        }

        await audit.RecordForAsync(user.Id, user.Email, AuditActions.EmailConfirmed);
        return View(new AlertModel(AlertKind.Success, "Adresse confirmée", "Votre compte est activé : vous pouvez vous connecter."));
    }

    [HttpGet("mot-de-passe-oublie")]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("mot-de-passe-oublie")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.Sensitive)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return Invalid(form, _ => { });
        }

        // The same answer whether the account exists or not, so the form tells nobody who is registered.
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is not null)
        {
            jobs.Enqueue<AccountMailJob>(j => j.SendPasswordResetAsync(user.Id));
        }

        TempData["Success"] = ResetSentMessage;
        return RedirectToAction(nameof(ForgotPassword));
    }

    [HttpGet("reinitialiser-mot-de-passe")]
    [AllowAnonymous]
    public IActionResult ResetPassword(string? uid, string? token) => View(new ResetPasswordForm { Uid = uid ?? "", Token = token ?? "" });

    [HttpPost("reinitialiser-mot-de-passe")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.Sensitive)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        if (ModelState.IsValid)
        {
            var user = await users.FindByIdAsync(form.Uid);
            var result = user is null ? IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken()) : await users.ResetPasswordAsync(user, form.Token, form.Password);
            if (result.Succeeded)
            {
                // The link came by mail: following it proves the address too (invited accounts).
                if (!user!.EmailConfirmed)
                {
                    user.EmailConfirmed = true;
                    await users.UpdateAsync(user);
                }

                await users.ResetAccessFailedCountAsync(user);
                await users.SetLockoutEndDateAsync(user, null);
                await audit.RecordForAsync(user.Id, user.Email, AuditActions.PasswordReset);
                TempData["Success"] = "Votre mot de passe est enregistré : vous pouvez vous connecter.";
                return RedirectToAction(nameof(Login));
            }

            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                ModelState.AddModelError(nameof(form.Password), "Ce lien n’est plus valide. Demandez un nouveau lien depuis « Mot de passe oublié ».");
            }
            else
            {
                AddErrors(result, nameof(form.Password));
            }
        }

        return Invalid(form, f => (f.Password, f.ConfirmPassword) = ("", ""));
    }

    private string SafeReturn(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/compte";

    private ViewResult Invalid<TForm>(TForm form, Action<TForm> clearSecrets)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        clearSecrets(form);
        return View(form);
    }

    private void AddErrors(IdentityResult result, string field)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code == "CommonPassword" ? field : "Email", error.Description);
        }
    }
}
