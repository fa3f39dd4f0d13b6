using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Companies.Jobs;

/// <summary>
/// Tells the other side of an administrative problem that a message was written: the company's accounts when a
/// referent wrote, else the company's dedicated contact (or, when none is named, the referents of its département).
/// Takes the message id only; idempotent through ProblemMessage.NotifiedAt.
/// </summary>
internal sealed class ProblemMessageMailJob(CompaniesDbContext db, IAccountProvisioning accounts, IMailSender mail, IPortalUrls urls, TimeProvider clock)
{
    public async Task SendAsync(Guid messageId)
    {
        var message = await db.ProblemMessages.SingleOrDefaultAsync(m => m.Id == messageId);
        if (message is null || message.NotifiedAt is not null)
        {
            return;
        }

        var problem = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == message.ProblemId);
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == problem.CompanyId);
        IReadOnlyList<string> recipients;
        string link;
        if (message.FromState)
        {
            recipients = await accounts.GetCompanyEmailsAsync(company.Id.ToString(), CancellationToken.None);
            link = urls.Absolute($"/mon-entreprise/problemes/{problem.Id}");
        }
        else
        {
            var referents = await accounts.GetDepartementAccountsAsync(PortalRoles.TerritorialReferent, problem.DepartementCode, CancellationToken.None);
            var contact = referents.SingleOrDefault(r => r.UserId == company.ContactUserId);
            recipients = contact is not null ? [contact.Email] : [.. referents.Select(r => r.Email)];
            link = urls.Absolute($"/admin/entreprises/problemes/{problem.Id}");
        }

        var subject = message.FromState
            ? $"Réponse de l’État à votre problème : {problem.Subject}"
            : $"Problème administratif de {company.Name} : {problem.Subject}";
        var batch = recipients.Distinct(StringComparer.OrdinalIgnoreCase).Select(to => MailComposer.Compose(to, subject, "companies-problem-message", "Bonjour,",
            [message.FromState ? "Un référent de l’État a répondu au problème administratif que vous avez signalé :" : $"{company.Name} a écrit au sujet d’un problème administratif :", message.Text],
            ("Lire et répondre", link))).ToList();
        if (batch.Count > 0)
        {
            await mail.SendAsync(batch, CancellationToken.None);
        }

        message.NotifiedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }
}
