using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Accounts.Services;

/// <summary>
/// The account mails, sent by Hangfire jobs (never inline in a request). Tokens are made when the job runs,
/// so a retried job sends a fresh, valid link.
/// </summary>
internal sealed class AccountMailJob(UserManager<PortalUser> users, IMailSender mail, IPortalUrls urls)
{
    public async Task SendConfirmationAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user?.Email is null || user.EmailConfirmed)
        {
            return;
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await SendAsync(MailComposer.Compose(user.Email, "Confirmez votre adresse électronique", "compte-confirmation", $"Bonjour {user.DisplayName},",
            ["Vous venez de créer un compte sur le portail du programme « La France, une chance. Les entreprises s’engagent ».", "Pour l’activer, confirmez votre adresse électronique en suivant le lien ci-dessous. Il est valable 24 heures.", "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message."],
            ("Confirmer mon adresse", Link("/compte/confirmer", user.Id, token))));
    }

    public async Task SendPasswordResetAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user?.Email is null)
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(MailComposer.Compose(user.Email, "Réinitialisation de votre mot de passe", "compte-reinitialisation", $"Bonjour {user.DisplayName},",
            ["Une réinitialisation du mot de passe de votre compte a été demandée.", "Le lien ci-dessous permet de choisir un nouveau mot de passe ; il est valable 24 heures et ne sert qu’une fois.", "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé."],
            ("Choisir un nouveau mot de passe", Link("/compte/reinitialiser-mot-de-passe", user.Id, token))));
    }

    public async Task SendInvitationAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user?.Email is null)
        {
            return;
        }

        var roles = await users.GetRolesAsync(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(MailComposer.Compose(user.Email, "Invitation au portail Plan 10 000 entreprises", "compte-invitation", $"Bonjour {user.DisplayName},",
            [$"Vous êtes invité(e) sur le portail du programme en tant que {string.Join(", ", roles.Select(r => PortalRoles.Labels.GetValueOrDefault(r, r)))}.", "Pour activer votre compte, choisissez votre mot de passe en suivant le lien ci-dessous (valable 24 heures)."],
            ("Activer mon compte", Link("/compte/reinitialiser-mot-de-passe", user.Id, token))));
    }

    private string Link(string path, string userId, string token)
        => $"{urls.Root}{path}?uid={UrlEncoder.Default.Encode(userId)}&token={UrlEncoder.Default.Encode(token)}";

    private async Task SendAsync(OutgoingMail message)
    {
        var delivery = (await mail.SendAsync([message], CancellationToken.None))[0];
        if (!delivery.Sent)
        {
            // Hangfire retries the job; the failure is already in the mail log.
            throw new InvalidOperationException($"Envoi à {message.To} refusé : {delivery.ServerAnswer}");
        }
    }
}
