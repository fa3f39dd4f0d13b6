using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts.Seed;

/// <summary>
/// One demo account per role, so a first run shows every back-office view. Passwords are drawn at seeding time and
/// written to the data directory only (never in code); the accounts use the reserved .invalid domain.
/// </summary>
internal sealed class DemoAccountsSeeder(UserManager<PortalUser> users, IConfiguration configuration, TimeProvider clock, ILogger<DemoAccountsSeeder> logger) : IDemoDataSeeder
{
    public const string FileName = "comptes-demo.txt";

    private static readonly (string Email, string Name, string Role, string? Departement)[] Accounts =
    [
        ("referent.paris@demo.invalid", "Camille Martin (démo), référente Paris", PortalRoles.TerritorialReferent, "75"),
        ("referent.bouches-du-rhone@demo.invalid", "Karim Benali (démo), référent Bouches-du-Rhône", PortalRoles.TerritorialReferent, "13"),
        ("redaction@demo.invalid", "Léa Dubois (démo), rédactrice", PortalRoles.Editor, null),
        ("animateur.gironde@demo.invalid", "Paul Lefèvre (démo), animateur du club de la Gironde", PortalRoles.ClubAnimator, "33"),
        ("mission-locale.nord@demo.invalid", "Mission locale de Lille (démo)", PortalRoles.IntermediationActor, "59"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(Accounts[0].Email) is not null)
        {
            return;
        }

        var lines = new StringBuilder("Comptes de démonstration (mots de passe tirés au hasard à la création de la base)\n");
        foreach (var (email, name, role, departement) in Accounts)
        {
            var password = "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(9)).ToLowerInvariant();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Compte de démonstration non créé : " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            if (departement is not null)
            {
                await users.AddClaimAsync(user, new Claim(ScopeClaims.Departement, departement));
            }

            lines.AppendLine($"{PortalRoles.Labels[role],-28} {email,-42} {password}");
        }

        var file = Path.Combine(configuration["Portal:DataDirectory"] ?? "App_Data", FileName);
        await File.WriteAllTextAsync(file, lines.ToString(), cancellationToken);
        logger.LogWarning("Comptes de démonstration créés ; identifiants dans {File}", file);
    }
}
