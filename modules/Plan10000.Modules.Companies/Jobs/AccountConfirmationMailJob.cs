using System.Net;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;

namespace Plan10000.Modules.Companies.Jobs;

/// <summary>
/// Sends the address confirmation link to a new company account. Takes the account id and the site's address
/// (a job has no request to read it from); the token is made here so it never sits in the job storage.
/// </summary>
internal sealed class AccountConfirmationMailJob(IAccountProvisioning accounts, IMailSender mail)
{
    public async Task SendAsync(string userId, string siteUrl)
    {
        // Null once confirmed: a retried job then sends nothing.
        var confirmation = await accounts.CreateEmailConfirmationAsync(userId, CancellationToken.None);
        if (confirmation is null)
        {
            return;
        }

        var link = $"{siteUrl.TrimEnd('/')}/inscription/confirmer-adresse?compte={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(confirmation.Token)}";
        var text = $"Bonjour,\n\nVous avez commencé l’inscription de votre entreprise au programme « La France, une chance. Les entreprises s’engagent ». Confirmez votre adresse électronique en ouvrant ce lien :\n\n{link}\n\nSi vous n’êtes pas à l’origine de cette inscription, ignorez ce message.\n";
        var html = $"<p>Bonjour,</p><p>Vous avez commencé l’inscription de votre entreprise au programme « La France, une chance. Les entreprises s’engagent ».</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Confirmer mon adresse électronique</a></p><p>Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message.</p>";
        await mail.SendAsync([new OutgoingMail(confirmation.Email, "Confirmez votre adresse électronique", html, text, "companies-confirm-email")], CancellationToken.None);
    }
}
