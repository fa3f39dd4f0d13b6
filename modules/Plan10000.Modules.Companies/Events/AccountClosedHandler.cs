using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Accounts;

namespace Plan10000.Modules.Companies.Events;

/// <summary>
/// A closed account takes its personal traces with it: its unfinished sign-up and its join requests are deleted,
/// and its name on fiche navette versions and moderation decisions becomes « Compte supprimé ». The company stays.
/// </summary>
internal sealed class AccountClosedHandler(CompaniesDbContext db) : IEventHandler<AccountClosed>
{
    private const string Anonymous = "Compte supprimé";

    public async Task HandleAsync(AccountClosed @event, CancellationToken cancellationToken)
    {
        db.Drafts.RemoveRange(await db.Drafts.Where(d => d.UserId == @event.UserId).ToListAsync(cancellationToken));
        db.JoinRequests.RemoveRange(await db.JoinRequests.Where(r => r.UserId == @event.UserId).ToListAsync(cancellationToken));
        foreach (var version in await db.FicheVersions.Where(v => v.CreatedBy == @event.UserId || v.CreatedBy == @event.Email).ToListAsync(cancellationToken))
        {
            version.CreatedBy = Anonymous;
        }

        foreach (var company in await db.Companies.Where(c => c.DecidedBy == @event.UserId || c.DecidedBy == @event.Email).ToListAsync(cancellationToken))
        {
            company.DecidedBy = Anonymous;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
