using Plan10000.Modules.Content.Services;

namespace Plan10000.Modules.Content.Jobs;

/// <summary>
/// Runs every minute (see Startup) and publishes or unpublishes what is due; idempotent, so a retry or a
/// second server changes nothing more. Hangfire finds it by type name: keep the name stable.
/// </summary>
internal sealed class ScheduledPublicationJob(ContentService service)
{
    public const string Id = "content:publication-programmee";

    public Task RunAsync() => service.RunScheduleAsync(CancellationToken.None);
}
