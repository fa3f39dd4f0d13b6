using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Companies.Jobs;

/// <summary>Tells the members of a company that someone asks to join it. Takes the request id only.</summary>
internal sealed class JoinRequestMailJob(CompaniesDbContext db, IAccountProvisioning accounts, IMailSender mail, IPortalUrls urls)
{
    public async Task SendAsync(Guid requestId)
    {
        var request = await db.JoinRequests.SingleOrDefaultAsync(r => r.Id == requestId);
        var company = request is null ? null : await db.Companies.SingleOrDefaultAsync(c => c.Id == request.CompanyId);
        if (request is null || company is null || request.AcceptedAt is not null)
        {
            return;
        }

        var recipients = await accounts.GetCompanyEmailsAsync(company.Id.ToString(), CancellationToken.None);
        var batch = recipients.Select(to => MailComposer.Compose(to, $"Demande pour rejoindre {company.Name}", "companies-join-request", "Bonjour,",
            [$"{request.Email} demande à rejoindre l’espace de {company.Name} sur le portail « La France, une chance. Les entreprises s’engagent ».", "Si cette personne fait partie de votre entreprise, acceptez sa demande depuis votre espace."],
            ("Ouvrir l’espace de mon entreprise", urls.Absolute("/mon-entreprise")))).ToList();
        if (batch.Count > 0)
        {
            await mail.SendAsync(batch, CancellationToken.None);
        }
    }
}
