using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Clubs.Data;
using Plan10000.Modules.Clubs.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Clubs.Services;

/// <summary>
/// « Rencontre demain » (the Paris day before, to the registered companies' accounts and the animators) and
/// « compte rendu manquant » (three days after a meeting without minutes, to the animators). Cancelled meetings get neither.
/// </summary>
internal sealed class ClubReminders(ClubsDbContext db, IAccountProvisioning accounts, IPortalUrls urls) : IReminderSource
{
    /// <summary>Minutes missing for longer than this are no longer reminded: the reminder is for fresh meetings.</summary>
    private const int MissingMinutesWindowDays = 30;

    public string Name => "Rencontres de club";

    public async Task<IReadOnlyList<DueReminder>> GetDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowUtc = now.UtcDateTime;
        var tomorrow = DateOnly.FromDateTime(ParisTime.FromUtc(nowUtc)).AddDays(1);
        var from = ParisTime.ToUtc(tomorrow.ToDateTime(TimeOnly.MinValue));
        var to = ParisTime.ToUtc(tomorrow.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var minutesFrom = nowUtc.AddDays(-MissingMinutesWindowDays);
        var minutesTo = nowUtc.AddDays(-3);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Registrations)
            .Where(m => m.CancelledAtUtc == null && ((m.StartsAtUtc >= from && m.StartsAtUtc < to) || (m.Minutes == null && m.StartsAtUtc >= minutesFrom && m.StartsAtUtc <= minutesTo)))
            .ToListAsync(cancellationToken);
        if (meetings.Count == 0)
        {
            return [];
        }

        var clubIds = meetings.Select(m => m.ClubId).Distinct().ToList();
        var clubs = await db.Clubs.AsNoTracking().Include(c => c.Animators).Where(c => clubIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        bool Tomorrow(DateTime startsAtUtc) => startsAtUtc >= from && startsAtUtc < to;
        var registered = meetings.Where(m => Tomorrow(m.StartsAtUtc)).SelectMany(m => m.Registrations).Select(r => r.CompanyId.ToString()).ToHashSet();
        var companyEmails = await accounts.GetEmailsByCompanyAsync(registered, cancellationToken);
        var reminders = new List<DueReminder>();
        foreach (var meeting in meetings)
        {
            var club = clubs[meeting.ClubId];
            var animators = club.Animators.Select(a => a.Email).Where(e => e.Length > 0);
            var when = ParisTime.Format(meeting.StartsAtUtc);
            if (Tomorrow(meeting.StartsAtUtc))
            {
                var recipients = new List<string>(animators);
                recipients.AddRange(meeting.Registrations.SelectMany(r => companyEmails.GetValueOrDefault(r.CompanyId.ToString(), [])));

                var place = string.Join(" — ", new[] { meeting.Place, meeting.VideoUrl }.Where(p => !string.IsNullOrWhiteSpace(p)));
                foreach (var email in recipients.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    reminders.Add(new DueReminder(
                        $"reunion-veille:{meeting.Id:N}:{email.ToLowerInvariant()}",
                        email,
                        $"Demain : {meeting.Title} ({club.Name})",
                        "Bonjour,",
                        [$"La rencontre « {meeting.Title} » du club « {club.Name} » a lieu {when} (heure de Paris).", "Lieu : " + place, "Ordre du jour : " + meeting.Agenda],
                        "Voir la rencontre",
                        urls.Absolute("/clubs/" + club.DepartementCode)));
                }
            }
            else
            {
                foreach (var email in animators.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    reminders.Add(new DueReminder(
                        $"compte-rendu-manquant:{meeting.Id:N}:{email.ToLowerInvariant()}",
                        email,
                        $"Compte rendu à déposer : {meeting.Title}",
                        "Bonjour,",
                        [$"La rencontre « {meeting.Title} » du club « {club.Name} » a eu lieu {when} et n’a pas encore de compte rendu.", "Déposez-le avec la liste des présents et les décisions : les membres le liront sur la page du club."],
                        "Déposer le compte rendu",
                        urls.Absolute($"/admin/clubs/{club.Id}/rencontres/{meeting.Id}")));
                }
            }
        }

        return reminders;
    }
}

/// <summary>For animators: new members, pending join requests and upcoming meetings of the clubs they animate.</summary>
internal sealed class ClubsDigest(ClubsDbContext db, ICompaniesQuery companies, IPortalUrls urls, TimeProvider clock) : IDigestContributor
{
    public string Category => DigestCategories.Clubs;

    public async Task<DigestSection?> BuildSectionAsync(string recipientUserId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var clubs = await db.Clubs.AsNoTracking().Where(c => c.Animators.Any(a => a.UserId == recipientUserId)).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        if (clubs.Count == 0)
        {
            return null;
        }

        var ids = clubs.Select(c => c.Id).ToList();
        var sinceUtc = since.UtcDateTime;
        var now = clock.GetUtcNow().UtcDateTime;
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => ids.Contains(m.ClubId) && (m.Status == MembershipStatus.Pending || (m.Status == MembershipStatus.Accepted && m.DecidedAtUtc >= sinceUtc)))
            .ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.ClubId) && m.CancelledAtUtc == null && m.StartsAtUtc > now && (m.StartsAtUtc <= now.AddDays(30) || m.CreatedAtUtc >= sinceUtc))
            .OrderBy(m => m.StartsAtUtc).ToListAsync(cancellationToken);
        if (memberships.Count == 0 && meetings.Count == 0)
        {
            return null;
        }

        var names = (await companies.GetCompaniesAsync([.. memberships.Select(m => m.CompanyId)], cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        var html = new StringBuilder();
        var text = new StringBuilder();
        foreach (var club in clubs)
        {
            var lines = new List<string>();
            lines.AddRange(memberships.Where(m => m.ClubId == club.Id && m.Status == MembershipStatus.Accepted).Select(m => "Nouveau membre : " + names.GetValueOrDefault(m.CompanyId, "entreprise")));
            lines.AddRange(memberships.Where(m => m.ClubId == club.Id && m.Status == MembershipStatus.Pending).Select(m => "Demande d’adhésion en attente : " + names.GetValueOrDefault(m.CompanyId, "entreprise")));
            lines.AddRange(meetings.Where(m => m.ClubId == club.Id).Select(m => $"Rencontre à venir : {m.Title}, {ParisTime.Format(m.StartsAtUtc)}"));
            if (lines.Count == 0)
            {
                continue;
            }

            var url = urls.Absolute("/admin/clubs/" + club.Id);
            html.Append(CultureInfo.InvariantCulture, $"<h3><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(club.Name)}</a></h3><ul>");
            text.Append(CultureInfo.InvariantCulture, $"{club.Name} ({url})\n");
            foreach (var line in lines)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(line)}</li>");
                text.Append(CultureInfo.InvariantCulture, $"- {line}\n");
            }

            html.Append("</ul>");
        }

        return new DigestSection("Vie de vos clubs", html.ToString(), text.ToString());
    }
}
