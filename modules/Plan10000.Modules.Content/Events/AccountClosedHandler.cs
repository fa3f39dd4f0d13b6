using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Content.Data;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Accounts;

namespace Plan10000.Modules.Content.Events;

/// <summary>
/// A closed account leaves no name or address behind: authors, uploaders and kit editors become « Compte supprimé »;
/// the texts themselves stay, since they were published under the programme's name.
/// </summary>
internal sealed class AccountClosedHandler(ContentDbContext db) : IEventHandler<AccountClosed>
{
    internal const string Anonymous = "Compte supprimé";

    public async Task HandleAsync(AccountClosed @event, CancellationToken cancellationToken)
    {
        var email = @event.Email;
        foreach (var item in await db.Items.Where(i => i.AuthorId == @event.UserId || i.AuthorName == email).ToListAsync(cancellationToken))
        {
            (item.AuthorId, item.AuthorName) = (null, Anonymous);
        }

        foreach (var version in await db.Versions.Where(v => v.AuthorId == @event.UserId || v.AuthorName == email).ToListAsync(cancellationToken))
        {
            (version.AuthorId, version.AuthorName) = (null, Anonymous);
        }

        foreach (var media in await db.Media.Where(m => m.UploadedBy == email || m.UploadedBy == @event.UserId).ToListAsync(cancellationToken))
        {
            media.UploadedBy = Anonymous;
        }

        foreach (var kit in await db.Kits.Where(k => k.UpdatedBy == email).ToListAsync(cancellationToken))
        {
            kit.UpdatedBy = Anonymous;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
