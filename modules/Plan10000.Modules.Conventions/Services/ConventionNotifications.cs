using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Conventions.Data;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Modules.Conventions.Services;

/// <summary>
/// The 90- and 30-day expiry reminders to the referents of the convention's département. The key carries the end
/// date, so an amendment that moves the end arms the reminders again; a convention already within 30 days only gets
/// the 30-day one.
/// </summary>
internal sealed class ConventionExpiryReminders(ConventionsDbContext db, IAccountProvisioning accounts, IPortalUrls urls) : IReminderSource
{
    public string Name => "Échéances des conventions";

    public async Task<IReadOnlyList<DueReminder>> GetDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = now.UtcDateTime.Date;
        var limit = today.AddDays(90);
        var ending = await db.Conventions.AsNoTracking()
            .Where(c => c.Status == ConventionStatus.Signed && c.EndsOn != null && c.EndsOn >= today && c.EndsOn <= limit)
            .OrderBy(c => c.EndsOn).ToListAsync(cancellationToken);
        var reminders = new List<DueReminder>();
        foreach (var group in ending.GroupBy(c => c.DepartementCode))
        {
            var emails = await accounts.GetDepartementEmailsAsync(PortalRoles.TerritorialReferent, group.Key, cancellationToken);
            foreach (var convention in group)
            {
                var end = convention.EndsOn!.Value;
                var window = end <= today.AddDays(30) ? 30 : 90;
                var days = (end - today).Days;
                foreach (var email in emails)
                {
                    reminders.Add(new DueReminder(
                        $"convention-echeance-{window}:{convention.Id:N}:{end:yyyyMMdd}:{email.ToLowerInvariant()}",
                        email,
                        $"{ConventionService.KindLabel(convention.Kind)} « {convention.PartyName} » : fin dans {days} jours",
                        "Bonjour,",
                        [
                            $"La convention « {convention.Title} » ({ConventionService.KindLabel(convention.Kind)}, département {convention.DepartementCode}) prend fin le {ConventionService.Date(end)}, dans {days} jours.",
                            "Préparez son renouvellement ou un avenant avec les signataires.",
                        ],
                        "Voir la convention",
                        urls.Absolute("/admin/conventions/" + convention.Id)));
                }
            }
        }

        return reminders;
    }
}

/// <summary>For referents: the conventions of their départements waiting for signature (drafts).</summary>
internal sealed class ConventionsDigest(ConventionsDbContext db, IAccountProvisioning accounts, IPortalUrls urls) : IDigestContributor
{
    public string Category => DigestCategories.Territoire;

    public async Task<DigestSection?> BuildSectionAsync(string recipientUserId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // The recipient's own départements in one query, instead of resolving every referent address of every département.
        var contact = (await accounts.GetContactsAsync([recipientUserId], cancellationToken)).SingleOrDefault();
        if (contact is null || !contact.Roles.Contains(PortalRoles.TerritorialReferent) || contact.Departements.Count == 0)
        {
            return null;
        }

        var codes = contact.Departements.Select(d => d.ToUpperInvariant()).ToList();
        var mine = await db.Conventions.AsNoTracking().Where(c => c.Status == ConventionStatus.Draft && codes.Contains(c.DepartementCode))
            .OrderBy(c => c.DepartementCode).ThenBy(c => c.PartyName).Take(500).ToListAsync(cancellationToken);
        if (mine.Count == 0)
        {
            return null;
        }

        var html = new StringBuilder("<ul>");
        var text = new StringBuilder();
        foreach (var c in mine)
        {
            var isNew = c.CreatedAtUtc >= since.UtcDateTime ? " (nouveau)" : "";
            var line = $"{c.Title} — {ConventionService.KindLabel(c.Kind)}, {c.DepartementCode}{isNew}";
            var url = urls.Absolute("/admin/conventions/" + c.Id);
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(line)}</a></li>");
            text.Append(CultureInfo.InvariantCulture, $"- {line} : {url}\n");
        }

        html.Append("</ul>");
        return new DigestSection($"Conventions à signer ({mine.Count})", html.ToString(), text.ToString());
    }
}
