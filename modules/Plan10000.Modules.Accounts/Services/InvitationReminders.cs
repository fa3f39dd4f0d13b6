using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Accounts.Services;

/// <summary>
/// An invitation is an account created by an administrator without a password; its activation link (a password-reset
/// token) lasts <see cref="DataProtectionTokenProviderOptions.TokenLifespan"/> from the invitation. When it is about to
/// expire — within 48 hours, and never in the first half of its life, so a one-day link is not reminded right after the
/// invitation mail — the invited address gets one reminder with a fresh activation link. Key: « invitation-expire:{userId} ».
/// </summary>
internal sealed class InvitationReminders(UserManager<PortalUser> users, IOptions<DataProtectionTokenProviderOptions> tokens, IPortalUrls urls) : IReminderSource
{
    public string Name => "Invitations";

    public async Task<IReadOnlyList<DueReminder>> GetDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lifespan = tokens.Value.TokenLifespan;
        var window = TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(48).Ticks, lifespan.Ticks / 2));
        // CreatedAt is a DateTimeOffset (not comparable on SQLite): accounts without a password are few, filtered here.
        var pending = (await users.Users.Where(u => u.PasswordHash == null && u.Email != null).ToListAsync(cancellationToken))
            .Where(u => u.CreatedAt + lifespan > now && u.CreatedAt + lifespan <= now + window)
            .ToList();
        var result = new List<DueReminder>(pending.Count);
        foreach (var user in pending)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var url = urls.Absolute($"/compte/reinitialiser-mot-de-passe?uid={UrlEncoder.Default.Encode(user.Id)}&token={UrlEncoder.Default.Encode(token)}");
            result.Add(new DueReminder(
                $"invitation-expire:{user.Id}",
                user.Email!,
                "Votre invitation au portail Plan 10 000 entreprises expire bientôt",
                $"Bonjour {user.DisplayName},",
                [
                    "Vous avez été invité(e) sur le portail du programme « La France, une chance. Les entreprises s’engagent », mais votre compte n’est pas encore activé.",
                    $"Le lien reçu avec l’invitation expire le {ParisTime.Display(user.CreatedAt + lifespan)}. Pour activer votre compte, choisissez votre mot de passe avec le lien ci-dessous (valable {Describe(lifespan)}). S’il a expiré, demandez-en un nouveau depuis la page « Mot de passe oublié ».",
                ],
                "Activer mon compte",
                url));
        }

        return result;
    }

    private static string Describe(TimeSpan span)
        => span.TotalHours < 48 ? $"{span.TotalHours:0} heures" : $"{span.TotalDays:0} jours";
}
