using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Ui;
using Plan10000.Portal.Infrastructure.Data;

namespace Plan10000.Portal.Infrastructure.Audit;

internal sealed class AuditRow
{
    public long Id { get; set; }
    /// <summary>UTC. A DateTime rather than a DateTimeOffset so that SQLite can compare and purge by date.</summary>
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string Action { get; set; } = "";
    public string? Target { get; set; }
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
}

internal sealed class AuditLog(PortalDbContext db, IHttpContextAccessor http, TimeProvider clock) : IAuditLog
{
    public Task RecordAsync(string action, string? target = null, string? details = null, CancellationToken cancellationToken = default)
    {
        var user = http.HttpContext?.User;
        return RecordForAsync(user?.FindFirstValue(ClaimTypes.NameIdentifier), user?.Identity?.Name, action, target, details, cancellationToken);
    }

    public async Task RecordForAsync(string? userId, string? userName, string action, string? target = null, string? details = null, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditRow
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserName = Cut(userName, 256),
            Action = action,
            Target = Cut(target, 256),
            Details = Cut(details, 2000),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            rows = rows.Where(r => r.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim().ToLowerInvariant();
            rows = rows.Where(r => r.UserName != null && r.UserName.ToLower().Contains(user));
        }

        if (query.From is { } from)
        {
            var start = from.UtcDateTime;
            rows = rows.Where(r => r.At >= start);
        }

        if (query.To is { } to)
        {
            var end = to.UtcDateTime;
            rows = rows.Where(r => r.At < end);
        }

        var total = await rows.CountAsync(cancellationToken);
        var paging = Paging.Of(total, query.PageSize, query.Page);
        // Ordered by id: SQLite cannot sort DateTimeOffset, and ids grow with time.
        var entries = await rows.OrderByDescending(r => r.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(r => new AuditEntry(r.Id, new DateTimeOffset(r.At, TimeSpan.Zero), r.UserId, r.UserName, r.Action, r.Target, r.Details, r.IpAddress))
            .ToListAsync(cancellationToken);
        return new AuditPage(entries, total, paging.Page, query.PageSize);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
        => await db.AuditEntries.AsNoTracking().Select(r => r.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ForUserAsync(string userId, CancellationToken cancellationToken = default)
        => await db.AuditEntries.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.Id)
            .Select(r => new AuditEntry(r.Id, new DateTimeOffset(r.At, TimeSpan.Zero), r.UserId, r.UserName, r.Action, r.Target, r.Details, r.IpAddress))
            .ToListAsync(cancellationToken);

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset limit, CancellationToken cancellationToken = default)
    {
        var before = limit.UtcDateTime;
        var old = await db.AuditEntries.Where(r => r.At < before).ToListAsync(cancellationToken);
        db.AuditEntries.RemoveRange(old);
        await db.SaveChangesAsync(cancellationToken);
        return old.Count;
    }

    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
