using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Plan10000.Modules.Notifications.Data;
using Plan10000.Modules.Notifications.Models;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Mail;

namespace Plan10000.Modules.Notifications.Jobs;

/// <summary>
/// Asks every <see cref="IReminderSource"/> what is due and mails each key once: the ledger row (unique key) is
/// inserted before the mail leaves, in the unit of work that claims it. A second instance or a retry finds the row
/// and skips the key. A mail the server did not take for a passing reason is marked « à réessayer » and taken back
/// by a later run through a conditional update, so even that retry happens once.
/// </summary>
internal sealed class ReminderJob(NotificationsDbContext db, IEnumerable<IReminderSource> sources, IMailSender sender, TimeProvider clock, ILogger<ReminderJob> log)
{
    public const string Id = "rappels";
    public const string Template = "rappel";
    private const string Retry = "à réessayer";
    private const string InFlight = "en cours";

    public async Task<int> RunAsync()
    {
        var claimed = new List<(ReminderRecord Record, DueReminder Reminder)>();
        foreach (var source in sources)
        {
            IReadOnlyList<DueReminder> due;
            try
            {
                due = await source.GetDueAsync(clock.GetUtcNow(), CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Source de rappels en échec : {Source}", source.Name);
                continue;
            }

            foreach (var chunk in due.DistinctBy(d => d.Key).Chunk(200))
            {
                var keys = chunk.Select(d => d.Key).ToList();
                var known = (await db.Reminders.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => new { r.Key, r.Outcome }).ToListAsync())
                    .ToDictionary(r => r.Key, r => r.Outcome, StringComparer.Ordinal);
                foreach (var reminder in chunk)
                {
                    if (await ClaimAsync(source.Name, reminder, known) is { } record)
                    {
                        claimed.Add((record, reminder));
                    }
                }
            }
        }

        var sent = 0;
        foreach (var batch in claimed.Chunk(50))
        {
            var results = await sender.SendAsync([.. batch.Select(c => MailComposer.Compose(c.Reminder.To, c.Reminder.Subject, Template, c.Reminder.Greeting, c.Reminder.Paragraphs,
                c.Reminder.ActionLabel is not null && c.Reminder.ActionUrl is not null ? (c.Reminder.ActionLabel, c.Reminder.ActionUrl) : null))], CancellationToken.None);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var ((record, _), result) in batch.Zip(results))
            {
                record.Outcome = result.Sent ? "envoyé" : result.Permanent ? "échec" : Retry;
                record.SentAtUtc = result.Sent ? now : null;
                record.ServerAnswer = result.ServerAnswer.Length > 1000 ? result.ServerAnswer[..1000] : result.ServerAnswer;
            }

            await db.SaveChangesAsync();
            sent += results.Count(r => r.Sent);
        }

        return sent;
    }

    private async Task<ReminderRecord?> ClaimAsync(string source, DueReminder reminder, Dictionary<string, string> known)
    {
        if (known.TryGetValue(reminder.Key, out var outcome))
        {
            if (outcome != Retry)
            {
                return null;
            }

            var taken = await db.Reminders.Where(r => r.Key == reminder.Key && r.Outcome == Retry)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Outcome, InFlight));
            return taken == 1 ? await db.Reminders.SingleAsync(r => r.Key == reminder.Key) : null;
        }

        var record = new ReminderRecord
        {
            Key = reminder.Key,
            Source = source.Length > 100 ? source[..100] : source,
            To = reminder.To,
            Subject = reminder.Subject.Length > 300 ? reminder.Subject[..300] : reminder.Subject,
            ClaimedAtUtc = clock.GetUtcNow().UtcDateTime,
            Outcome = InFlight,
        };
        db.Reminders.Add(record);
        try
        {
            await db.SaveChangesAsync();
            return record;
        }
        catch (DbUpdateException)
        {
            db.Entry(record).State = EntityState.Detached;
            return null;
        }
    }
}
