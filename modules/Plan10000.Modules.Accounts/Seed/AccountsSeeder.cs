using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Seed;

/// <summary>The roles, and the first national admin from Portal:Admin:Email / Password when none exists (no password in code).</summary>
internal sealed class AccountsSeeder(
    RoleManager<IdentityRole> roles,
    INationalAdmins admins,
    IConfiguration configuration,
    ILogger<AccountsSeeder> logger) : IReferenceDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var email = configuration["Portal:Admin:Email"];
        var password = configuration["Portal:Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || await admins.AnyAsync(cancellationToken))
        {
            return;
        }

        var error = await admins.CreateAsync(email, password, cancellationToken);
        if (error is not null)
        {
            throw new InvalidOperationException("Le premier administrateur n'a pas pu être créé : " + error);
        }

        logger.LogInformation("Premier administrateur national créé : {Email}", email);
    }
}

internal sealed class NationalAdmins(UserManager<PortalUser> users, TimeProvider clock) : INationalAdmins
{
    public async Task<bool> AnyAsync(CancellationToken cancellationToken) => (await users.GetUsersInRoleAsync(PortalRoles.NationalAdmin)).Count > 0;

    public async Task<string?> CreateAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return $"un compte existe déjà pour {email}.";
        }

        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrateur national", CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return string.Join(" ", created.Errors.Select(e => e.Description));
        }

        await users.AddToRoleAsync(user, PortalRoles.NationalAdmin);
        return null;
    }
}
