using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Companies.Jobs;

/// <summary>Warns the referents of the company's département that a sign-up awaits them. Takes the company id only.</summary>
internal sealed class NewSignupMailJob(CompaniesDbContext db, IAccountProvisioning accounts, IMailSender mail, IPortalUrls urls)
{
    public async Task SendAsync(Guid companyId)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId);
        if (company is null || company.Status != CompanyStatus.Pending)
        {
            return;
        }

        var referents = await accounts.GetDepartementEmailsAsync(PortalRoles.TerritorialReferent, company.DepartementCode, CancellationToken.None);
        var batch = referents.Select(to => MailComposer.Compose(to, $"Nouvelle inscription à valider : {company.Name}", "companies-new-signup", "Bonjour,",
            [$"{company.Name} (SIRET {company.Siret}, {company.City}) a signé la charte et attend la validation de son inscription."],
            ("Examiner l’inscription", urls.Absolute($"/admin/entreprises/{company.Id}")))).ToList();
        if (batch.Count > 0)
        {
            await mail.SendAsync(batch, CancellationToken.None);
        }
    }
}
