using Microsoft.EntityFrameworkCore;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Abstractions.Ui;
using Plan10000.Portal.Infrastructure.Data;

namespace Plan10000.Portal.Infrastructure.Mail;

internal sealed class MailLog(PortalDbContext db) : IMailLog
{
    public async Task<MailLogPage> SearchAsync(MailLogQuery query, CancellationToken cancellationToken = default)
    {
        var rows = db.MailLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Recipient))
        {
            var recipient = query.Recipient.Trim().ToLowerInvariant();
            rows = rows.Where(m => m.Recipient.ToLower().Contains(recipient));
        }

        if (!string.IsNullOrWhiteSpace(query.Template))
        {
            rows = rows.Where(m => m.Template == query.Template);
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            rows = rows.Where(m => m.Status == query.Status);
        }

        if (query.From is { } from)
        {
            var start = from.UtcDateTime;
            rows = rows.Where(m => m.SentAt >= start);
        }

        if (query.To is { } to)
        {
            var end = to.UtcDateTime;
            rows = rows.Where(m => m.SentAt < end);
        }

        var total = await rows.CountAsync(cancellationToken);
        var paging = Paging.Of(total, query.PageSize, query.Page);
        var records = await rows.OrderByDescending(m => m.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(m => new MailRecord(m.Id, new DateTimeOffset(m.SentAt, TimeSpan.Zero), m.Recipient, m.Template, m.Subject, m.Status, m.ServerAnswer))
            .ToListAsync(cancellationToken);
        return new MailLogPage(records, total, paging.Page, query.PageSize);
    }
}
