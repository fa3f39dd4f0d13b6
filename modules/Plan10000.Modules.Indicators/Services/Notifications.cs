using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Indicators.Data;
using Plan10000.Modules.Indicators.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Indicators.Services;

/// <summary>Who has not transmitted a campaign yet: one query on the submissions for a set of subjects.</summary>
internal sealed class LateReporters(IndicatorsDbContext db)
{
    public async Task<IReadOnlySet<Guid>> NotSubmittedAsync(Guid campaignId, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken)
    {
        var ids = subjectIds.Distinct().ToList();
        var done = await db.Submissions.AsNoTracking()
            .Where(s => s.CampaignId == campaignId && ids.Contains(s.SubjectId) && s.Status != SubmissionStatus.ToDo)
            .Select(s => s.SubjectId)
            .ToListAsync(cancellationToken);
        return ids.Except(done).ToHashSet();
    }

    /// <summary>The (campaign, subject) pairs already transmitted, for several campaigns at once: one query.</summary>
    public async Task<IReadOnlySet<(Guid CampaignId, Guid SubjectId)>> SubmittedAsync(IReadOnlyCollection<Guid> campaignIds, IReadOnlyCollection<Guid> subjectIds, CancellationToken cancellationToken)
    {
        var campaigns = campaignIds.Distinct().ToList();
        var ids = subjectIds.Distinct().ToList();
        var done = await db.Submissions.AsNoTracking()
            .Where(s => campaigns.Contains(s.CampaignId) && ids.Contains(s.SubjectId) && s.Status != SubmissionStatus.ToDo)
            .Select(s => new { s.CampaignId, s.SubjectId })
            .ToListAsync(cancellationToken);
        return done.Select(s => (s.CampaignId, s.SubjectId)).ToHashSet();
    }
}

/// <summary>
/// Campaign reminders to the accounts of companies that have not transmitted: 7 days before the due date, the day
/// before, then once overdue (within 30 days). Keys name the campaign, the occasion, the company and the address.
/// </summary>
internal sealed class CampaignReminderSource(IndicatorsDbContext db, LateReporters late, ICompaniesQuery companies, IAccountProvisioning accounts, IPortalUrls urls) : IReminderSource
{
    public string Name => "Campagnes de remontée des indicateurs";

    public async Task<IReadOnlyList<DueReminder>> GetDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var utc = now.UtcDateTime;
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.OpensAtUtc <= utc && c.DueAtUtc > utc.AddDays(-30) && c.DueAtUtc <= utc.AddDays(7))
            .ToListAsync(cancellationToken);
        if (campaigns.Count == 0)
        {
            return [];
        }

        var approved = new List<CompanyInfo>();
        foreach (var departement in (await companies.CountApprovedCompaniesByDepartementAsync(cancellationToken)).Keys.Order(StringComparer.Ordinal))
        {
            approved.AddRange(await companies.GetApprovedCompaniesAsync(departement, int.MaxValue, cancellationToken));
        }

        var reminders = new List<DueReminder>();
        var emails = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var campaign in campaigns)
        {
            var left = campaign.DueAtUtc - utc;
            var (occasion, subject, lead) = left <= TimeSpan.Zero
                ? ("retard", $"Remontée en retard : {campaign.Name}", "La date limite de la remontée est dépassée et votre entreprise n’a pas encore transmis ses indicateurs.")
                : left <= TimeSpan.FromDays(1)
                    ? ("j-1", $"Dernier jour : {campaign.Name}", "La remontée de vos indicateurs est attendue au plus tard demain.")
                    : ("j-7", $"Rappel : {campaign.Name}", "La remontée de vos indicateurs est attendue dans moins d’une semaine.");
            var missing = await late.NotSubmittedAsync(campaign.Id, [.. approved.Select(c => c.Id)], cancellationToken);
            foreach (var company in approved.Where(c => missing.Contains(c.Id)))
            {
                if (!emails.TryGetValue(company.Id, out var to))
                {
                    emails[company.Id] = to = await accounts.GetCompanyEmailsAsync(company.Id.ToString(), cancellationToken);
                }

                foreach (var email in to)
                {
                    reminders.Add(new DueReminder(
                        $"indicateurs-campagne:{campaign.Id:N}:{occasion}:{company.Id:N}:{email.ToLowerInvariant()}",
                        email,
                        subject,
                        "Bonjour,",
                        [lead, $"Campagne : {campaign.Name} ({Periods.Label(campaign.Period)}), date limite : {ParisTime.FromUtc(campaign.DueAtUtc):dd/MM/yyyy}.", $"Entreprise : {company.Name}."],
                        "Remplir la remontée",
                        urls.Absolute("/mon-entreprise/indicateurs/" + campaign.Id)));
                }
            }
        }

        return reminders;
    }
}

/// <summary>Tells each club animator which member companies have not transmitted the open campaigns yet.</summary>
internal sealed class LateMembersDigest(IndicatorsDbContext db, LateReporters late, IClubsQuery clubs, ICompaniesQuery companies, TimeProvider clock) : IDigestContributor
{
    public string Category => DigestCategories.Clubs;

    public async Task<DigestSection?> BuildSectionAsync(string recipientUserId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var clubIds = await clubs.GetAnimatedClubIdsAsync(recipientUserId, cancellationToken);
        if (clubIds.Count == 0)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.OpensAtUtc <= now && c.DueAtUtc > now.AddDays(-30)).OrderBy(c => c.DueAtUtc).ToListAsync(cancellationToken);
        if (campaigns.Count == 0)
        {
            return null;
        }

        var membersByClub = await clubs.GetMemberCompanyIdsAsync(clubIds, cancellationToken);
        var allMembers = membersByClub.Values.SelectMany(m => m).Distinct().ToList();
        if (allMembers.Count == 0)
        {
            return null;
        }

        var names = (await companies.GetCompaniesAsync(allMembers, cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        var submitted = await late.SubmittedAsync([.. campaigns.Select(c => c.Id)], allMembers, cancellationToken);
        var lines = new List<string>();
        foreach (var clubId in clubIds)
        {
            var members = membersByClub.GetValueOrDefault(clubId, []);
            var club = members.Count == 0 ? null : await clubs.GetClubAsync(clubId, cancellationToken);
            if (club is null)
            {
                continue;
            }

            foreach (var campaign in campaigns)
            {
                var missing = members.Distinct().Where(m => !submitted.Contains((campaign.Id, m))).ToList();
                if (missing.Count > 0)
                {
                    var state = campaign.DueAtUtc < now ? "en retard" : "pas encore transmis";
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{club.Name} — {campaign.Name} (date limite {ParisTime.FromUtc(campaign.DueAtUtc):dd/MM/yyyy}), {state} : {string.Join(", ", missing.Select(id => names.GetValueOrDefault(id, "?")).Order(StringComparer.Ordinal))}"));
                }
            }
        }

        if (lines.Count == 0)
        {
            return null;
        }

        return new DigestSection(
            "Membres en retard de remontée d’indicateurs",
            "<ul>" + string.Concat(lines.Select(l => "<li>" + WebUtility.HtmlEncode(l) + "</li>")) + "</ul>",
            string.Join("\n", lines.Select(l => "- " + l)));
    }
}

/// <summary>« Mon entreprise »: the open campaigns and where the company stands with each.</summary>
internal sealed class CompanySpaceIndicatorsSection(IndicatorsDbContext db, TimeProvider clock) : ICompanySpaceContributor
{
    public async Task<IReadOnlyList<CompanySpaceSection>> GetSectionsAsync(Guid companyId, string departementCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.OpensAtUtc <= now && c.DueAtUtc > now.AddDays(-30)).OrderBy(c => c.DueAtUtc).ToListAsync(cancellationToken);
        if (campaigns.Count == 0)
        {
            return [new("Indicateurs", "Aucune campagne de remontée d’indicateurs n’est ouverte.", "Historique des remontées", "/mon-entreprise/indicateurs", 60)];
        }

        var ids = campaigns.Select(c => c.Id).ToList();
        var statuses = await db.Submissions.AsNoTracking().Where(s => s.SubjectId == companyId && ids.Contains(s.CampaignId)).ToDictionaryAsync(s => s.CampaignId, s => s.Status, cancellationToken);
        return [.. campaigns.Select(c => new CompanySpaceSection(
            "Indicateurs : " + c.Name,
            $"État : {Labels.Of(statuses.GetValueOrDefault(c.Id, SubmissionStatus.ToDo))} — date limite le {ParisTime.FromUtc(c.DueAtUtc):dd/MM/yyyy}.",
            statuses.GetValueOrDefault(c.Id) == SubmissionStatus.ToDo ? "Remplir la remontée" : "Voir la remontée",
            "/mon-entreprise/indicateurs/" + c.Id,
            60))];
    }
}

/// <summary>A public figure linking the progress page to the consolidated indicators.</summary>
internal sealed class IndicatorsWidget(IndicatorsDbContext db) : IDashboardWidgetProvider
{
    public async Task<IReadOnlyList<DashboardWidget>> GetWidgetsAsync(CancellationToken cancellationToken)
    {
        var departements = await db.Aggregates.AsNoTracking().Select(a => a.DepartementCode).Distinct().CountAsync(cancellationToken);
        return [new("Indicateurs consolidés", departements.ToString(CultureInfo.InvariantCulture) + " département(s)", "Départements ayant des indicateurs validés, par thématique et par période.", "/tableau-de-bord/indicateurs", 20, Public: true)];
    }
}
