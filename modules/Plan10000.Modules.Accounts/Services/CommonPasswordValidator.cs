using Microsoft.AspNetCore.Identity;
using Plan10000.Modules.Accounts.Models;

namespace Plan10000.Modules.Accounts.Services;

/// <summary>Refuses the passwords attackers try first, and passwords made of the user's own address.</summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "azertyuiopqs", "azertyuiop123", "azertyuiop1234", "qwertyuiop123",
        "motdepasse123", "motdepasse1234", "motdepassemotdepasse", "password1234", "password12345", "passwordpassword",
        "iloveyou1234", "jetaime123456", "soleil123456", "bonjour123456", "marseille1234", "liberte123456", "liberteegalitefraternite",
        "doudou123456", "chocolat1234", "football1234", "administrateur", "administrator", "admin12345678", "changeme1234",
        "bienvenue1234", "bienvenue2024", "bienvenue2025", "bienvenue2026", "plan10000entreprises", "entreprise1234",
        "aaaaaaaaaaaa", "000000000000", "111111111111", "qwertyqwerty", "azertyazerty", "abcdefghijkl", "abcdef123456",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var value = (password ?? "").Trim();
        var local = (user.Email ?? "").Split('@')[0];
        if (Common.Contains(value) || Common.Contains(value.Replace(" ", "", StringComparison.Ordinal)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "Ce mot de passe est trop courant. Choisissez une phrase de passe personnelle, par exemple quatre mots sans lien entre eux." }));
        }

        if (local.Length >= 4 && value.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "Le mot de passe ne doit pas contenir votre adresse électronique." }));
        }

        if (value.Length > 256)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = "Le mot de passe ne peut pas dépasser 256 caractères." }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
