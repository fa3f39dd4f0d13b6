using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Companies.Jobs;

/// <summary>Tells a company the referent's decision. Takes the id only; idempotent through DecisionNotifiedAt.</summary>
internal sealed class CompanyDecisionMailJob(CompaniesDbContext db, IAccountProvisioning accounts, IMailSender mail, IPortalUrls urls, TimeProvider clock)
{
    public async Task SendAsync(Guid companyId)
    {
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == companyId);
        if (company is null || company.DecisionNotifiedAt is not null || company.Status is not (CompanyStatus.Approved or CompanyStatus.Rejected))
        {
            return;
        }

        var recipients = await accounts.GetCompanyEmailsAsync(company.Id.ToString(), CancellationToken.None);
        var approved = company.Status == CompanyStatus.Approved;
        var subject = approved
            ? $"Votre inscription est validée : {company.Name}"
            : $"Votre inscription n’a pas été validée : {company.Name}";
        string[] paragraphs = approved
            ? [$"L’inscription de {company.Name} au programme « La France, une chance. Les entreprises s’engagent » est validée par le référent de votre département.", "Votre entreprise apparaît désormais dans la vitrine des entreprises engagées, selon vos choix de publication."]
            : [$"L’inscription de {company.Name} n’a pas été validée par le référent de votre département, pour la raison suivante :", company.StatusReason ?? "", "Vous pouvez répondre à ce message pour échanger avec lui."];
        var batch = recipients.Select(to => MailComposer.Compose(to, subject, approved ? "companies-approved" : "companies-rejected", "Bonjour,", paragraphs,
            ("Ouvrir l’espace de mon entreprise", urls.Absolute("/mon-entreprise")))).ToList();
        if (batch.Count > 0)
        {
            await mail.SendAsync(batch, CancellationToken.None);
        }

        company.DecisionNotifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
    }
}
