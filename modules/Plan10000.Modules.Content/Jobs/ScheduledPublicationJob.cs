using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Content.Services;

namespace Plan10000.Modules.Content.Jobs;

/// <summary>
/// Runs every minute (see Startup) and publishes or unpublishes what is due; idempotent, so a retry or a
/// second server changes nothing more. Public because Hangfire invokes it by type name; it takes the service
/// provider since its worker, <see cref="ContentService"/>, is internal to the module.
/// </summary>
public sealed class ScheduledPublicationJob(IServiceProvider services)
{
    public const string Id = "content:publication-programmee";

    public Task RunAsync() => services.GetRequiredService<ContentService>().RunScheduleAsync(CancellationToken.None);
}
