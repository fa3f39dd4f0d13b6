using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Accounts.Data;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Accounts.Services;
using Plan10000.Modules.Accounts.ViewModels;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Accounts.Controllers;

/// <summary>
/// Users, roles and scopes. Only the national team lists and edits accounts, whoever else holds ManageUsers
/// (roles are granted in the database, so the rule is enforced here too); a territorial referent may only invite
/// intermediation actors inside their own départements.
/// </summary>
[Area("Accounts")]
[Route("admin/utilisateurs")]
public sealed class AdminController(
    AccountsDbContext db,
    UserManager<PortalUser> users,
    IAccessScope scope,
    IAuditLog audit,
    IBackgroundJobs jobs,
    TimeProvider clock) : Controller
{
    private const int PageSize = 25;

    [HttpGet("")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageUsers)]
    public async Task<IActionResult> Index(string? q, string? role, int page = 1, CancellationToken cancellationToken = default)
    {
        if (!scope.IsNational(User))
        {
            return Forbid();
        }

        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(u => u.Email!.ToLower().Contains(text) || u.DisplayName.ToLower().Contains(text));
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        var total = await query.CountAsync(cancellationToken);
        var paging = Paging.Of(total, PageSize, page);
        var pageUsers = await query.OrderBy(u => u.Email).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);

        // Roles and scopes of the whole page in two queries, not one per row.
        var ids = pageUsers.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var departements = await db.UserClaims.Where(c => ids.Contains(c.UserId) && c.ClaimType == ScopeClaims.Departement)
            .Select(c => new { c.UserId, c.ClaimValue }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = pageUsers.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "",
            [.. roles.Where(r => r.UserId == u.Id).Select(r => PortalRoles.Labels.GetValueOrDefault(r.Name!, r.Name!))],
            [.. departements.Where(d => d.UserId == u.Id).Select(d => d.ClaimValue!)],
            u.EmailConfirmed, u.LockoutEnd > now, u.TwoFactorEnabled)).ToList();
        var format = $"/admin/utilisateurs?q={Uri.EscapeDataString(q ?? "")}&role={Uri.EscapeDataString(role ?? "")}&page={{0}}";
        return View(new UserListViewModel(rows, total, q, role, paging.Links(format)));
    }

    [HttpGet("inviter")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.InviteUsers)]
    public IActionResult Invite() => View(WithRoles(new UserForm { Role = scope.IsNational(User) ? "" : PortalRoles.IntermediationActor }));

    [HttpPost("inviter")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.InviteUsers)]
    public async Task<IActionResult> Invite(UserForm form, [FromServices] IServiceProvider services, CancellationToken cancellationToken)
    {
        WithRoles(form);
        var departements = form.ParsedDepartements();
        // Outside the national team: intermediation actors only, inside one's own départements, and no club.
        if (!scope.IsNational(User) && (form.Role != PortalRoles.IntermediationActor || !string.IsNullOrWhiteSpace(form.Club) || departements.Any(d => !scope.CanActOnDepartement(User, d))))
        {
            return Forbid();
        }

        await UserScopes.ValidateAsync(form, departements, ModelState, services.GetService<IReferentialsQuery>(), cancellationToken);
        // A blank field binds to null: the Required message is already there, and there is nothing to look up.
        if (!string.IsNullOrWhiteSpace(form.Email) && await users.FindByEmailAsync(form.Email.Trim()) is not null)
        {
            ModelState.AddModelError(nameof(form.Email), "Un compte existe déjà avec cette adresse : modifiez-le plutôt.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        var user = new PortalUser { UserName = form.Email.Trim(), Email = form.Email.Trim(), DisplayName = form.DisplayName.Trim(), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            ModelState.AddModelError(nameof(form.Email), string.Join(" ", created.Errors.Select(e => e.Description)));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        await users.AddToRoleAsync(user, form.Role);
        await UserScopes.ReplaceAsync(users, user, departements, form.Club);
        await audit.RecordAsync(AuditActions.UserInvited, user.Email, $"{PortalRoles.Labels[form.Role]} ; départements : {Describe(departements)}", cancellationToken);
        jobs.Enqueue<AccountMailJob>(j => j.SendInvitationAsync(user.Id));
        TempData["Success"] = $"{user.DisplayName} est invité(e) : un lien d’activation part à {user.Email}.";
        return scope.IsNational(User) ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Invite));
    }

    [HttpGet("{id}")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageUsers)]
    public async Task<IActionResult> Edit(string id)
    {
        var loaded = await AccountAsync(id);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var user = loaded.Value;
        var claims = await users.GetClaimsAsync(user);
        return View(WithRoles(new UserForm
        {
            Id = user.Id,
            Email = user.Email ?? "",
            DisplayName = user.DisplayName,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "",
            Departements = string.Join(", ", claims.Where(c => c.Type == ScopeClaims.Departement).Select(c => c.Value)),
            Club = claims.FirstOrDefault(c => c.Type == ScopeClaims.Club)?.Value,
            Locked = user.LockoutEnd > clock.GetUtcNow(),
        }));
    }

    [HttpPost("{id}")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageUsers)]
    public async Task<IActionResult> Edit(string id, UserForm form, [FromServices] IServiceProvider services, CancellationToken cancellationToken)
    {
        var loaded = await AccountAsync(id);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var user = loaded.Value;
        WithRoles(form);
        form.Id = id;
        var departements = form.ParsedDepartements();
        await UserScopes.ValidateAsync(form, departements, ModelState, services.GetService<IReferentialsQuery>(), cancellationToken);
        var currentRoles = await users.GetRolesAsync(user);
        if (currentRoles.Contains(PortalRoles.NationalAdmin) && form.Role != PortalRoles.NationalAdmin && (await users.GetUsersInRoleAsync(PortalRoles.NationalAdmin)).Count == 1)
        {
            ModelState.AddModelError(nameof(form.Role), "C’est le dernier administrateur national : nommez-en un autre avant de changer son rôle.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        user.DisplayName = form.DisplayName.Trim();
        await users.UpdateAsync(user);
        if (!currentRoles.SequenceEqual([form.Role]))
        {
            await users.RemoveFromRolesAsync(user, currentRoles);
            await users.AddToRoleAsync(user, form.Role);
            await audit.RecordAsync(AuditActions.RolesChanged, user.Email, $"{string.Join(", ", currentRoles)} → {form.Role}", cancellationToken);
        }

        var before = (await users.GetClaimsAsync(user)).Where(c => c.Type == ScopeClaims.Departement).Select(c => c.Value).Order().ToList();
        await UserScopes.ReplaceAsync(users, user, departements, form.Club);
        if (!before.SequenceEqual(departements.Order()))
        {
            await audit.RecordAsync(AuditActions.ScopesChanged, user.Email, $"{Describe(before)} → {Describe(departements)}", cancellationToken);
        }

        // A new stamp makes the user's cookie re-read roles and scopes within a minute.
        await users.UpdateSecurityStampAsync(user);
        TempData["Success"] = "Les modifications sont enregistrées.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/blocage")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageUsers)]
    public async Task<IActionResult> ToggleLock(string id, CancellationToken cancellationToken)
    {
        var loaded = await AccountAsync(id);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var user = loaded.Value;
        var locked = user.LockoutEnd > clock.GetUtcNow();
        if (!locked && user.Id == users.GetUserId(User))
        {
            TempData["Error"] = "Vous ne pouvez pas bloquer votre propre compte.";
            return RedirectToAction(nameof(Edit), new { id });
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? null : DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(locked ? AuditActions.UserUnlocked : AuditActions.UserLocked, user.Email, cancellationToken: cancellationToken);
        TempData["Success"] = locked ? "Le compte est débloqué." : "Le compte est bloqué : son titulaire ne peut plus se connecter.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/reinitialisation")]
    [Authorize(Policy = PermissionPolicy.Prefix + Permissions.ManageUsers)]
    public async Task<IActionResult> SendReset(string id)
    {
        var loaded = await AccountAsync(id);
        if (loaded.Refused)
        {
            return loaded.Refusal;
        }

        var user = loaded.Value;
        jobs.Enqueue<AccountMailJob>(j => j.SendPasswordResetAsync(user.Id));
        TempData["Success"] = $"Un lien de réinitialisation part à {user.Email}.";
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// The opening of the actions on one account: the national team only (403, whatever the permission says), then
    /// an existing account (404). Accounts sit in no département, so the scope rule is « national » alone.
    /// </summary>
    private async Task<InScope<PortalUser>> AccountAsync(string id)
    {
        if (!scope.IsNational(User))
        {
            return new(null, Forbid());
        }

        return await users.FindByIdAsync(id) is { } user ? new(user, null) : new(null, NotFound());
    }

    private UserForm WithRoles(UserForm form)
    {
        form.AvailableRoles = scope.IsNational(User)
            ? [.. PortalRoles.Labels]
            : [new(PortalRoles.IntermediationActor, PortalRoles.Labels[PortalRoles.IntermediationActor])];
        return form;
    }

    private static string Describe(IReadOnlyList<string> departements) => departements.Count == 0 ? "aucun" : string.Join(", ", departements);
}
