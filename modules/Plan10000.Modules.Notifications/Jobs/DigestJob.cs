using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Plan10000.Modules.Notifications.Data;
using Plan10000.Modules.Notifications.Models;
using Plan10000.Modules.Notifications.Services;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Notifications.Jobs;

/// <summary>
/// Daily and weekly digests. For each user with that frequency for at least one category, the run claims the ledger
/// row (user, frequency, period) first: another instance, a retry or a second run of the same period skips the user.
/// Sections come from every <see cref="IDigestContributor"/> of the chosen categories; no section, no mail.
/// </summary>
internal sealed class DigestJob(
    NotificationsDbContext db,
    IAccountProvisioning accounts,
    IEnumerable<IDigestContributor> contributors,
    IMailSender sender,
    IPortalUrls urls,
    TimeProvider clock,
    ILogger<DigestJob> log)
{
    public const string DailyId = "synthese-quotidienne";
    public const string WeeklyId = "synthese-hebdomadaire";
    public const string Template = "synthese";
    private const int BatchSize = 50;

    public Task RunDailyAsync() => RunAsync(DigestFrequency.Daily);

    public Task RunWeeklyAsync() => RunAsync(DigestFrequency.Weekly);

    internal async Task<int> RunAsync(DigestFrequency frequency)
    {
        var now = clock.GetUtcNow();
        var paris = ParisTime.FromUtc(now.UtcDateTime);
        var period = frequency == DigestFrequency.Daily
            ? paris.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{ISOWeek.GetYear(paris)}-W{ISOWeek.GetWeekOfYear(paris):00}";
        var since = now - (frequency == DigestFrequency.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7));
        var users = await accounts.GetContactsAsync(null, CancellationToken.None);
        var preferences = (await db.Preferences.AsNoTracking().Select(p => new { p.UserId, p.Category, p.Frequency }).ToListAsync())
            .ToLookup(p => p.UserId);
        var sentCount = 0;
        var pending = new List<(DigestRun Run, OutgoingMail Mail)>();
        foreach (var user in users)
        {
            var chosen = preferences[user.UserId].ToDictionary(p => p.Category, p => p.Frequency);
            var categories = DigestCategories.Labels.Keys
                .Where(c => (chosen.TryGetValue(c, out var f) ? f : DigestDefaults.For(c, user.Roles)) == frequency)
                .ToHashSet(StringComparer.Ordinal);
            if (categories.Count == 0)
            {
                continue;
            }

            var run = new DigestRun { UserId = user.UserId, Frequency = frequency, Period = period, ClaimedAtUtc = now.UtcDateTime, Outcome = "en cours" };
            if (!await ClaimAsync(run))
            {
                continue;
            }

            var sections = new List<DigestSection>();
            foreach (var contributor in contributors.Where(c => categories.Contains(c.Category)))
            {
                try
                {
                    if (await contributor.BuildSectionAsync(user.UserId, since, CancellationToken.None) is { } section)
                    {
                        sections.Add(section);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Section de synthèse en échec : {Contributor}", contributor.GetType().Name);
                }
            }

            run.Sections = sections.Count;
            if (sections.Count == 0)
            {
                run.Outcome = "rien à dire";
                await db.SaveChangesAsync();
                continue;
            }

            pending.Add((run, Compose(user, frequency, sections)));
            if (pending.Count >= BatchSize)
            {
                sentCount += await FlushAsync(pending);
            }
        }

        sentCount += await FlushAsync(pending);
        return sentCount;
    }

    private async Task<bool> ClaimAsync(DigestRun run)
    {
        db.DigestRuns.Add(run);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(run).State = EntityState.Detached;
            return false;
        }
    }

    private async Task<int> FlushAsync(List<(DigestRun Run, OutgoingMail Mail)> pending)
    {
        if (pending.Count == 0)
        {
            return 0;
        }

        var results = await sender.SendAsync([.. pending.Select(p => p.Mail)], CancellationToken.None);
        foreach (var ((run, _), result) in pending.Zip(results))
        {
            run.Outcome = result.Sent ? "envoyé" : "échec";
        }

        await db.SaveChangesAsync();
        var sent = results.Count(r => r.Sent);
        pending.Clear();
        return sent;
    }

    private OutgoingMail Compose(AccountContact user, DigestFrequency frequency, IReadOnlyList<DigestSection> sections)
    {
        var subject = frequency == DigestFrequency.Daily ? "Votre synthèse du jour" : "Votre synthèse de la semaine";
        var preferences = urls.Absolute("/mon-compte/notifications");
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;color:#1e1e1e;line-height:1.5\">")
            .Append("<p>").Append(WebUtility.HtmlEncode($"Bonjour {user.DisplayName},")).Append("</p>");
        var text = new StringBuilder().AppendLine($"Bonjour {user.DisplayName},").AppendLine();
        foreach (var section in sections)
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(section.Title)).Append("</h2>").Append(section.Html);
            text.AppendLine(section.Title.ToUpperInvariant()).AppendLine(section.Text).AppendLine();
        }

        html.Append("<p style=\"font-size:0.875em\"><a href=\"").Append(WebUtility.HtmlEncode(preferences)).Append("\">Choisir ce que je reçois et à quel rythme</a></p>")
            .Append("<p>").Append(WebUtility.HtmlEncode(MailComposer.Signature)).Append("</p></body></html>");
        text.AppendLine("Choisir ce que je reçois et à quel rythme : " + preferences).AppendLine().AppendLine(MailComposer.Signature);
        return new OutgoingMail(user.Email, subject, html.ToString(), text.ToString(), Template);
    }
}
