using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Newsletters.Data;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Accounts;

namespace Plan10000.Modules.Newsletters.Events;

/// <summary>A closed account's address leaves the delivery reports; its subscriptions go too.</summary>
internal sealed class AccountClosedHandler(NewslettersDbContext db) : IEventHandler<AccountClosed>
{
    public async Task HandleAsync(AccountClosed @event, CancellationToken cancellationToken)
    {
        var email = @event.Email.Trim().ToLowerInvariant();
        await db.Subscribers.Where(s => s.Email == email).ExecuteDeleteAsync(cancellationToken);
        await db.Deliveries.Where(d => d.Email == email && d.Status != Models.DeliveryStatus.Pending && d.Status != Models.DeliveryStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Email, d => "supprime-" + d.Id + "@compte-supprime.invalid"), cancellationToken);
    }
}
