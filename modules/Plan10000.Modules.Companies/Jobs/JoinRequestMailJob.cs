using System.Net;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;

namespace Plan10000.Modules.Companies.Jobs;

/// <summary>Tells the members of a company that someone asks to join it. Takes the request id only.</summary>
internal sealed class JoinRequestMailJob(CompaniesDbContext db, IAccountProvisioning accounts, IMailSender mail)
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
        var text = $"Bonjour,\n\n{request.Email} demande à rejoindre l’espace de {company.Name} sur le portail « La France, une chance. Les entreprises s’engagent ».\n\nSi cette personne fait partie de votre entreprise, acceptez sa demande depuis votre espace : /mon-entreprise\n";
        var html = "<p>" + WebUtility.HtmlEncode(text).Replace("\n\n", "</p><p>").Replace("\n", "<br>") + "</p>";
        var batch = recipients.Select(to => new OutgoingMail(to, $"Demande pour rejoindre {company.Name}", html, text, "companies-join-request")).ToList();
        if (batch.Count > 0)
        {
            await mail.SendAsync(batch, CancellationToken.None);
        }
    }
}
