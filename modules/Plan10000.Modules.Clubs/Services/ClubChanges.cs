using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Clubs;

namespace Plan10000.Modules.Clubs.Services;

/// <summary>Announces a saved change of a club or a meeting, so the public pages that show it are rebuilt.</summary>
internal static class ClubChanges
{
    public static Task ClubChangedAsync(this HttpContext http, Guid clubId, CancellationToken cancellationToken)
        => http.RequestServices.GetRequiredService<IEventPublisher>().PublishAsync(new ClubChanged(clubId), cancellationToken);

    public static Task MeetingChangedAsync(this HttpContext http, Guid clubId, Guid meetingId, CancellationToken cancellationToken)
        => http.RequestServices.GetRequiredService<IEventPublisher>().PublishAsync(new MeetingChanged(clubId, meetingId), cancellationToken);
}
