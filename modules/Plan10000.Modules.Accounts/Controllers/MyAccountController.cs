using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Accounts.Services;
using Plan10000.Modules.Accounts.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Accounts;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Accounts.Controllers;

/// <summary>The signed-in user's own account: what it holds, the export of their personal data, closing it.</summary>
[Area("Accounts")]
[Route("compte")]
[Authorize]
public sealed class MyAccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    IAuditLog audit,
    TimeProvider clock) : Controller
{
    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var roles = await users.GetRolesAsync(user);
        return View(new AccountViewModel(user.DisplayName, user.Email ?? "", [.. roles.Select(r => PortalRoles.Labels.GetValueOrDefault(r, r))],
            [.. User.FindAll(ScopeClaims.Departement).Select(c => c.Value)], user.TwoFactorEnabled));
    }

    [HttpGet("mes-donnees")]
    public async Task<IActionResult> MyData(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var export = new
        {
            exporteLe = clock.GetUtcNow(),
            compte = new { user.Id, user.Email, nom = user.DisplayName, creeLe = user.CreatedAt, adresseConfirmee = user.EmailConfirmed, doubleAuthentification = user.TwoFactorEnabled },
            roles = await users.GetRolesAsync(user),
            perimetres = (await users.GetClaimsAsync(user)).Select(c => new { type = c.Type, valeur = c.Value }),
            journal = (await audit.ForUserAsync(user.Id, cancellationToken)).Select(e => new { date = e.At, action = e.Action, cible = e.Target, adresseIp = e.IpAddress }),
        };
        await audit.RecordAsync(AuditActions.PersonalDataExported, cancellationToken: cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(export, ExportJson);
        return File(json, "application/json", "mes-donnees-plan10000.json");
    }

    [HttpGet("fermer")]
    public IActionResult Close() => View(new CloseAccountForm());

    [HttpPost("fermer")]
    public async Task<IActionResult> Close(CloseAccountForm form, [FromServices] IEventPublisher events, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            if (!await users.CheckPasswordAsync(user, form.Password))
            {
                ModelState.AddModelError(nameof(form.Password), "Mot de passe incorrect.");
            }
            else if (await users.IsInRoleAsync(user, PortalRoles.NationalAdmin) && (await users.GetUsersInRoleAsync(PortalRoles.NationalAdmin)).Count == 1)
            {
                ModelState.AddModelError(nameof(form.Password), "Vous êtes le dernier administrateur national : nommez-en un autre avant de fermer votre compte.");
            }
            else
            {
                var deleted = await users.DeleteAsync(user);
                if (!deleted.Succeeded)
                {
                    throw new InvalidOperationException("Suppression du compte refusée : " + string.Join(" ", deleted.Errors.Select(e => e.Description)));
                }

                await audit.RecordAsync(AuditActions.AccountClosed, user.Email, cancellationToken: cancellationToken);
                await signIn.SignOutAsync();
                await events.PublishAsync(new AccountClosed(user.Id, user.Email ?? ""), cancellationToken);
                TempData["Success"] = "Votre compte est fermé et vos données personnelles ont été supprimées.";
                return LocalRedirect("/");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        form.Password = "";
        return View(form);
    }
}

public sealed record AccountViewModel(string DisplayName, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Departements, bool TwoFactorEnabled);
