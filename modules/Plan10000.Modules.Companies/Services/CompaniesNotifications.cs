using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Companies.Services;

/// <summary>The referents' daily section: sign-ups of their départements waiting for a decision.</summary>
internal sealed class CompaniesDigest(CompaniesDbContext db, IAccountProvisioning accounts, IPortalUrls urls) : IDigestContributor
{
    public string Category => DigestCategories.Territoire;

    public async Task<DigestSection?> BuildSectionAsync(string recipientUserId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var contact = (await accounts.GetContactsAsync([recipientUserId], cancellationToken)).SingleOrDefault();
        if (contact is null || !contact.Roles.Contains(PortalRoles.TerritorialReferent) || contact.Departements.Count == 0)
        {
            return null;
        }

        var codes = contact.Departements.Select(d => d.ToUpperInvariant()).ToList();
        var pending = await db.Companies.AsNoTracking().Where(c => c.Status == CompanyStatus.Pending && codes.Contains(c.DepartementCode))
            .OrderBy(c => c.DepartementCode).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name, c.DepartementCode }).Take(51).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return null;
        }

        var html = new StringBuilder("<ul>");
        var text = new StringBuilder();
        foreach (var company in pending.Take(50))
        {
            var url = urls.Absolute("/admin/entreprises/" + company.Id);
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode($"{company.Name} ({company.DepartementCode})")).Append("</a></li>");
            text.Append("- ").Append(company.Name).Append(" (").Append(company.DepartementCode).Append(") : ").AppendLine(url);
        }

        html.Append("</ul>");
        var title = pending.Count > 50 ? "Plus de 50 inscriptions attendent votre validation"
            : pending.Count == 1 ? "1 inscription attend votre validation" : $"{pending.Count} inscriptions attendent votre validation";
        return new DigestSection(title, html.ToString(), text.ToString());
    }
}

/// <summary>
/// Reminders of the Companies module: a sign-up left half-way for 2 days (once per draft state), and a join request
/// to a company left unanswered for 5 days, a request that lapses at 7 (mailed to the company's accounts).
/// </summary>
internal sealed class CompaniesReminders(CompaniesDbContext db, IAccountProvisioning accounts, IPortalUrls urls) : IReminderSource
{
    public string Name => "Inscriptions des entreprises";

    public async Task<IReadOnlyList<DueReminder>> GetDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new List<DueReminder>();
        // DateTimeOffset columns do not compare on SQLite: drafts and open requests are few, filtered here.
        var drafts = (await db.Drafts.AsNoTracking().Select(d => new { d.UserId, d.Step, d.UpdatedAt }).ToListAsync(cancellationToken))
            .Where(d => d.UpdatedAt <= now.AddDays(-2) && d.UpdatedAt > now.AddDays(-30)).ToList();
        if (drafts.Count > 0)
        {
            var contacts = (await accounts.GetContactsAsync([.. drafts.Select(d => d.UserId)], cancellationToken)).ToDictionary(c => c.UserId);
            foreach (var draft in drafts.Where(d => contacts.ContainsKey(d.UserId)))
            {
                result.Add(new DueReminder(
                    $"inscription-inachevee:{draft.UserId}:{draft.UpdatedAt.UtcTicks}",
                    contacts[draft.UserId].Email,
                    "Votre inscription au programme n’est pas terminée",
                    "Bonjour,",
                    [$"Vous avez commencé l’inscription de votre entreprise au programme « La France, une chance. Les entreprises s’engagent » (étape {draft.Step}). Il ne reste que quelques minutes pour la terminer : vos réponses sont gardées."],
                    "Reprendre mon inscription",
                    urls.Absolute("/inscription")));
            }
        }

        var requests = (await db.JoinRequests.AsNoTracking().Where(r => r.AcceptedAt == null).Select(r => new { r.Id, r.CompanyId, r.Email, r.CreatedAt }).ToListAsync(cancellationToken))
            .Where(r => r.CreatedAt <= now.AddDays(-5) && r.CreatedAt > now.AddDays(-7)).ToList();
        foreach (var request in requests)
        {
            foreach (var email in await accounts.GetCompanyEmailsAsync(request.CompanyId.ToString(), cancellationToken))
            {
                result.Add(new DueReminder(
                    $"demande-rattachement-expire:{request.Id}:{email}",
                    email,
                    "Une demande de rattachement à votre entreprise expire bientôt",
                    "Bonjour,",
                    [$"{request.Email} demande à rejoindre l’espace de votre entreprise depuis 5 jours. Sans réponse, la demande expire dans 2 jours."],
                    "Répondre à la demande",
                    urls.Absolute("/mon-entreprise")));
            }
        }

        return result;
    }
}
