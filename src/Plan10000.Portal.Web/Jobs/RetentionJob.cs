using Microsoft.EntityFrameworkCore;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Infrastructure.Data;

namespace Plan10000.Portal.Web.Jobs;

/// <summary>Daily: drops audit entries and mail records older than the retention setting.</summary>
internal sealed class RetentionJob(IAuditLog audit, PortalDbContext db, ISiteSettings settings, TimeProvider clock, ILogger<RetentionJob> logger)
{
    public const string Id = "portail-conservation";

    public async Task RunAsync()
    {
        var limit = clock.GetUtcNow().AddDays(-settings.Current.RetentionDays);
        var entries = await audit.PurgeOlderThanAsync(limit);
        var mails = await db.PurgeMailLogOlderThanAsync(limit, CancellationToken.None);
        logger.LogInformation("Conservation : {Entries} événement(s) et {Mails} courriel(s) supprimés", entries, mails);
    }
}
