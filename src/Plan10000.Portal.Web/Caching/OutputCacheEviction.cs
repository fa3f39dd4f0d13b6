using Microsoft.AspNetCore.OutputCaching;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Clubs;
using Plan10000.Portal.Abstractions.Events.Companies;
using Plan10000.Portal.Abstractions.Events.Content;
using Plan10000.Portal.Abstractions.Events.Indicators;
using Plan10000.Portal.Abstractions.Events.Settings;

namespace Plan10000.Portal.Web.Caching;

/// <summary>
/// Evicts the cached pages that show what an event changed, in the store every instance reads (in memory for one
/// instance; a shared store such as Redis when configured), so the next request anywhere shows the change.
/// </summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) :
    IEventHandler<CompanyApproved>,
    IEventHandler<CompanyWithdrawn>,
    IEventHandler<CompanyEdited>,
    IEventHandler<ContentPublished>,
    IEventHandler<ContentUnpublished>,
    IEventHandler<TerritorialKitChanged>,
    IEventHandler<ClubChanged>,
    IEventHandler<MeetingChanged>,
    IEventHandler<IndicatorValuesValidated>,
    IEventHandler<SiteSettingsChanged>
{
    public Task HandleAsync(CompanyApproved @event, CancellationToken cancellationToken) => EvictAsync(CacheTags.Companies, cancellationToken);

    public Task HandleAsync(CompanyWithdrawn @event, CancellationToken cancellationToken) => EvictAsync(CacheTags.Companies, cancellationToken);

    public Task HandleAsync(CompanyEdited @event, CancellationToken cancellationToken) => EvictAsync(CacheTags.Companies, cancellationToken);

    public Task HandleAsync(ContentPublished @event, CancellationToken cancellationToken) => EvictAsync(CacheTags.Content, cancellationToken);

    public Task HandleAsync(ContentUnpublished @event, CancellationToken cancellationToken) => EvictAsync(CacheTags.Content, cancellationToken);

    public Task HandleAsync(TerritorialKitChanged @event, CancellationToken cancellationToken) => EvictAsync(CacheTags.Content, cancellationToken);

    public Task HandleAsync(ClubChanged @event, CancellationToken cancellationToken) => EvictAsync(CacheTags.Clubs, cancellationToken);

    public Task HandleAsync(MeetingChanged @event, CancellationToken cancellationToken) => EvictAsync(CacheTags.Clubs, cancellationToken);

    public Task HandleAsync(IndicatorValuesValidated @event, CancellationToken cancellationToken) => EvictAsync(CacheTags.Indicators, cancellationToken);

    public Task HandleAsync(SiteSettingsChanged @event, CancellationToken cancellationToken) => EvictAsync(CacheTags.Site, cancellationToken);

    private Task EvictAsync(string tag, CancellationToken cancellationToken) => store.EvictByTagAsync(tag, cancellationToken).AsTask();

    public static void Register(IServiceCollection services)
    {
        foreach (var handler in typeof(OutputCacheEviction).GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEventHandler<>)))
        {
            services.AddScoped(handler, typeof(OutputCacheEviction));
        }
    }
}
