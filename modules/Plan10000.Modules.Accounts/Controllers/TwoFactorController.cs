using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Accounts.Services;
using Plan10000.Modules.Accounts.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Security;
using QRCoder;

namespace Plan10000.Modules.Accounts.Controllers;

/// <summary>TOTP set-up (any authenticator application), required for national admins by <see cref="SecurityOptions.RequireAdminTwoFactor"/>.</summary>
[Area("Accounts")]
[Route("compte/double-authentification")]
[Authorize]
public sealed class TwoFactorController(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IAuditLog audit) : Controller
{
    // Resolved here: the options type is internal to the module and a public controller cannot take it.
    private SecurityOptions Security => HttpContext.RequestServices.GetRequiredService<SecurityOptions>();

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(await BuildAsync(user, null));
    }

    [HttpGet("qr.png")]
    public async Task<IActionResult> QrCode()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Once active, the secret is never shown again: a stolen session must not clone the second factor.
        if (user.TwoFactorEnabled)
        {
            return NotFound();
        }

        var (_, uri) = await KeyAsync(user);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        Response.Headers.CacheControl = "no-store";
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    [HttpPost("")]
    public async Task<IActionResult> Enable(TwoFactorSetupForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var code = form.Code.Replace(" ", "", StringComparison.Ordinal);
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                var recovery = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8);
                await audit.RecordAsync(AuditActions.TwoFactorEnabled);
                await signIn.RefreshSignInAsync(user);
                TempData["Success"] = "La double authentification est activée.";
                return View("Index", await BuildAsync(user, [.. recovery ?? []]));
            }

            ModelState.AddModelError(nameof(form.Code), "Code incorrect. Vérifiez l’heure de votre téléphone puis saisissez le code affiché.");
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await BuildAsync(user, null));
    }

    [HttpPost("desactiver")]
    public async Task<IActionResult> Disable(string? password)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            TempData["Error"] = "Mot de passe incorrect : la double authentification reste activée.";
            return RedirectToAction(nameof(Index));
        }

        if (Security.RequireAdminTwoFactor && await users.IsInRoleAsync(user, PortalRoles.NationalAdmin))
        {
            TempData["Error"] = "La double authentification est obligatoire pour les administrateurs nationaux.";
            return RedirectToAction(nameof(Index));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled);
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "La double authentification est désactivée.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<TwoFactorViewModel> BuildAsync(PortalUser user, IReadOnlyList<string>? recoveryCodes)
    {
        var (key, uri) = await KeyAsync(user);
        var required = Security.RequireAdminTwoFactor && await users.IsInRoleAsync(user, PortalRoles.NationalAdmin);
        return new TwoFactorViewModel(user.TwoFactorEnabled, Format(key), uri, required, recoveryCodes);
    }

    private async Task<(string Key, string Uri)> KeyAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var issuer = UrlEncoder.Default.Encode("Plan 10 000 entreprises");
        return (key, $"otpauth://totp/{issuer}:{UrlEncoder.Default.Encode(user.Email ?? "")}?secret={key}&issuer={issuer}&digits=6");
    }

    private static string Format(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
