using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Companies.Jobs;

/// <summary>Warns the referents of the company's département that a sign-up awaits them. Takes the company id only.</summary>
internal sealed class NewSignupMailJob(CompaniesDbContext db, IAccountProvisioning accounts, IMailSender mail)
{
    public async Task SendAsync(Guid companyId)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId);
        if (company is null || company.Status != CompanyStatus.Pending)
        {
            return;
        }

        var referents = await accounts.GetDepartementEmailsAsync(PortalRoles.TerritorialReferent, company.DepartementCode, CancellationToken.None);
        var text = $"Bonjour,\n\n{company.Name} (SIRET {company.Siret}, {company.City}) a signé la charte et attend la validation de son inscription.\n\nExaminez-la dans le back-office : /admin/entreprises/{company.Id}\n";
        var html = $"<p>Bonjour,</p><p>{System.Net.WebUtility.HtmlEncode(company.Name)} (SIRET {company.Siret}, {System.Net.WebUtility.HtmlEncode(company.City)}) a signé la charte et attend la validation de son inscription.</p><p>Examinez-la dans le back-office : /admin/entreprises/{company.Id}</p>";
        var batch = referents.Select(to => new OutgoingMail(to, $"Nouvelle inscription à valider : {company.Name}", html, text, "companies-new-signup")).ToList();
        if (batch.Count > 0)
        {
            await mail.SendAsync(batch, CancellationToken.None);
        }
    }
}
