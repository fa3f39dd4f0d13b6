using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Notifications.Data;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Accounts;

namespace Plan10000.Modules.Notifications.Events;

/// <summary>A closed account leaves no preference, digest record or reminder address behind.</summary>
internal sealed class AccountClosedHandler(NotificationsDbContext db) : IEventHandler<AccountClosed>
{
    public async Task HandleAsync(AccountClosed @event, CancellationToken cancellationToken)
    {
        await db.Preferences.Where(p => p.UserId == @event.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.DigestRuns.Where(r => r.UserId == @event.UserId).ExecuteDeleteAsync(cancellationToken);
        await db.Reminders.Where(r => r.To == @event.Email).ExecuteUpdateAsync(s => s.SetProperty(r => r.To, "compte supprimé"), cancellationToken);
    }
}
