using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Companies.Jobs;

/// <summary>
/// Tells a company the referent's decision. Takes the id only; idempotent per recipient: each address served is
/// recorded (DecisionMail) right after its mail left, so a retry after a failure half-way sends only to the others.
/// </summary>
internal sealed class CompanyDecisionMailJob(CompaniesDbContext db, IAccountProvisioning accounts, IMailSender mail, IPortalUrls urls, TimeProvider clock)
{
    public async Task SendAsync(Guid companyId)
    {
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == companyId);
        if (company is null || company.Status is not (CompanyStatus.Approved or CompanyStatus.Rejected))
        {
            return;
        }

        var decision = company.Status;
        var recipients = (await accounts.GetCompanyEmailsAsync(company.Id.ToString(), CancellationToken.None)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var served = (await db.DecisionMails.Where(m => m.CompanyId == company.Id && m.Decision == decision).Select(m => m.Email).ToListAsync())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var approved = decision == CompanyStatus.Approved;
        var subject = approved
            ? $"Votre inscription est validée : {company.Name}"
            : $"Votre inscription n’a pas été validée : {company.Name}";
        string[] paragraphs = approved
            ? [$"L’inscription de {company.Name} au programme « La France, une chance. Les entreprises s’engagent » est validée par le référent de votre département.", "Votre entreprise apparaît désormais dans la vitrine des entreprises engagées, selon vos choix de publication."]
            : [$"L’inscription de {company.Name} n’a pas été validée par le référent de votre département, pour la raison suivante :", company.StatusReason ?? "", "Vous pouvez répondre à ce message pour échanger avec lui."];
        foreach (var to in recipients.Where(r => !served.Contains(r)))
        {
            await mail.SendAsync([MailComposer.Compose(to, subject, approved ? "companies-approved" : "companies-rejected", "Bonjour,", paragraphs,
                ("Ouvrir l’espace de mon entreprise", urls.Absolute("/mon-entreprise")))], CancellationToken.None);
            db.DecisionMails.Add(new DecisionMail { CompanyId = company.Id, Decision = decision, Email = to, SentAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        company.DecisionNotifiedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync();
    }
}
