using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Companies.Jobs;

/// <summary>
/// Sends the address confirmation link to a new company account. Takes the account id and the site's address
/// (a job has no request to read it from); the token is made here so it never sits in the job storage.
/// </summary>
internal sealed class AccountConfirmationMailJob(IAccountProvisioning accounts, IMailSender mail, IPortalUrls urls)
{
    public async Task SendAsync(string userId)
    {
        // Null once confirmed: a retried job then sends nothing.
        var confirmation = await accounts.CreateEmailConfirmationAsync(userId, CancellationToken.None);
        if (confirmation is null)
        {
            return;
        }

        var link = urls.Absolute($"/inscription/confirmer-adresse?compte={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(confirmation.Token)}");
        await mail.SendAsync([MailComposer.Compose(confirmation.Email, "Confirmez votre adresse électronique", "companies-confirm-email", "Bonjour,",
            ["Vous avez commencé l’inscription de votre entreprise au programme « La France, une chance. Les entreprises s’engagent ».", "Confirmez votre adresse électronique en suivant le lien ci-dessous.", "Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message."],
            ("Confirmer mon adresse électronique", link))], CancellationToken.None);
    }
}
