using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Accounts.Data;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Services;

/// <summary>Accounts owns users; other modules create company accounts and grant company scopes only through this.</summary>
internal sealed class AccountProvisioning(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    AccountsDbContext db,
    IHttpContextAccessor http,
    TimeProvider clock) : IAccountProvisioning
{
    public async Task<bool> ExistsAsync(string email, CancellationToken cancellationToken)
        => await users.FindByEmailAsync(email.Trim()) is not null;

    public async Task<AccountCreationResult> CreateCompanyUserAsync(string email, string displayName, string password, CancellationToken cancellationToken)
    {
        email = email.Trim();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = displayName.Trim(), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // The describer is French (FrenchIdentityErrorDescriber), so the descriptions can be shown as they are.
            return new(null, [.. created.Errors.Select(e => e.Description)]);
        }

        await users.AddToRoleAsync(user, PortalRoles.Company);
        return new(user.Id, []);
    }

    public async Task SignInAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("Compte introuvable : " + userId);
        await signIn.SignInAsync(user, isPersistent: false);
    }

    public async Task AddCompanyScopeAsync(string userId, string companyId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("Compte introuvable : " + userId);
        var claims = await users.GetClaimsAsync(user);
        if (!claims.Any(c => c.Type == ScopeClaims.Company && c.Value == companyId))
        {
            await users.AddClaimAsync(user, new Claim(ScopeClaims.Company, companyId));
        }

        // The scope lives in the sign-in cookie: re-issue it now rather than wait for the security stamp check.
        if (http.HttpContext?.User is { } current && users.GetUserId(current) == userId)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    public async Task<EmailConfirmation?> CreateEmailConfirmationAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        return user?.Email is null || user.EmailConfirmed ? null : new EmailConfirmation(user.Email, await users.GenerateEmailConfirmationTokenAsync(user));
    }

    public async Task<bool> ConfirmEmailAsync(string userId, string token, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        return user is not null && (user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded);
    }

    public async Task<IReadOnlyList<string>> GetDepartementEmailsAsync(string role, string departementCode, CancellationToken cancellationToken)
    {
        var holders = await users.GetUsersInRoleAsync(role);
        var ids = holders.Select(u => u.Id).ToList();
        var scoped = await db.UserClaims
            .Where(c => c.ClaimType == ScopeClaims.Departement && c.ClaimValue == departementCode && ids.Contains(c.UserId))
            .Select(c => c.UserId)
            .ToListAsync(cancellationToken);
        return [.. holders.Where(u => scoped.Contains(u.Id) && u.Email is not null).Select(u => u.Email!)];
    }

    public async Task<IReadOnlyList<AccountInfo>> GetDepartementAccountsAsync(string role, string departementCode, CancellationToken cancellationToken)
    {
        var holders = await users.GetUsersInRoleAsync(role);
        var ids = holders.Select(u => u.Id).ToList();
        var scoped = (await db.UserClaims
            .Where(c => c.ClaimType == ScopeClaims.Departement && c.ClaimValue == departementCode && ids.Contains(c.UserId))
            .Select(c => c.UserId)
            .ToListAsync(cancellationToken)).ToHashSet();
        return [.. holders.Where(u => scoped.Contains(u.Id) && u.Email is not null)
            .Select(u => new AccountInfo(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName, u.Email!))
            .OrderBy(a => a.DisplayName, StringComparer.CurrentCulture)];
    }

    public Task<IReadOnlyList<string>> GetCompanyEmailsAsync(string companyId, CancellationToken cancellationToken)
        => GetCompaniesEmailsAsync([companyId], cancellationToken);

    public async Task<IReadOnlyList<string>> GetCompaniesEmailsAsync(IReadOnlyCollection<string> companyIds, CancellationToken cancellationToken)
        => [.. (await GetEmailsByCompanyAsync(companyIds, cancellationToken)).Values.SelectMany(emails => emails)];

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetEmailsByCompanyAsync(IReadOnlyCollection<string> companyIds, CancellationToken cancellationToken)
    {
        if (companyIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        // A deactivated account (locked by an administrator) is no longer written to; the lockout is compared in
        // memory because SQLite cannot compare DateTimeOffset columns.
        var now = clock.GetUtcNow();
        var accounts = await db.UserClaims
            .Where(c => c.ClaimType == ScopeClaims.Company && companyIds.Contains(c.ClaimValue!))
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { CompanyId = c.ClaimValue!, u.Email, u.LockoutEnd })
            .Where(u => u.Email != null)
            .ToListAsync(cancellationToken);
        return accounts.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .GroupBy(u => u.CompanyId)
            .ToDictionary(g => g.Key, IReadOnlyList<string> (g) => [.. g.Select(u => u.Email!)]);
    }

    public async Task<string?> FindUserIdAsync(string email, CancellationToken cancellationToken)
        => (await users.FindByEmailAsync(email.Trim()))?.Id;

    public async Task AddClubScopeAsync(string userId, string clubId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("Compte introuvable : " + userId);
        if (!await users.IsInRoleAsync(user, PortalRoles.ClubAnimator))
        {
            await users.AddToRoleAsync(user, PortalRoles.ClubAnimator);
        }

        var claims = await users.GetClaimsAsync(user);
        if (!claims.Any(c => c.Type == ScopeClaims.Club && c.Value == clubId))
        {
            await users.AddClaimAsync(user, new Claim(ScopeClaims.Club, clubId));
        }

        if (http.HttpContext?.User is { } current && users.GetUserId(current) == userId)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    public async Task<IReadOnlyList<AccountContact>> GetContactsAsync(IReadOnlyCollection<string>? userIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = db.Users.AsNoTracking().Where(u => u.EmailConfirmed && u.Email != null);
        if (userIds is not null)
        {
            var ids = userIds.ToList();
            query = query.Where(u => ids.Contains(u.Id));
        }

        var people = (await query.Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd }).ToListAsync(cancellationToken))
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .ToList();
        var found = people.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking().Where(r => found.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var scopeTypes = new[] { ScopeClaims.Departement, ScopeClaims.Club, ScopeClaims.Company };
        var claims = await db.UserClaims.AsNoTracking().Where(c => found.Contains(c.UserId) && scopeTypes.Contains(c.ClaimType!))
            .Select(c => new { c.UserId, c.ClaimType, c.ClaimValue })
            .ToListAsync(cancellationToken);
        var rolesOf = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        var claimsOf = claims.ToLookup(c => c.UserId);
        return [.. people.OrderBy(u => u.Email, StringComparer.Ordinal).Select(u => new AccountContact(
            u.Id,
            u.Email!,
            u.DisplayName,
            [.. rolesOf[u.Id]],
            [.. claimsOf[u.Id].Where(c => c.ClaimType == ScopeClaims.Departement).Select(c => c.ClaimValue ?? "")],
            [.. claimsOf[u.Id].Where(c => c.ClaimType == ScopeClaims.Club).Select(c => c.ClaimValue ?? "")],
            [.. claimsOf[u.Id].Where(c => c.ClaimType == ScopeClaims.Company).Select(c => c.ClaimValue ?? "")]))];
    }
}
