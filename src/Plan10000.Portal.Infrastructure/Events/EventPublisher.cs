using Microsoft.Extensions.DependencyInjection;
using Plan10000.Portal.Abstractions.Events;

namespace Plan10000.Portal.Infrastructure.Events;

/// <summary>In-process publication to every registered handler, in the publisher's scope, after the publisher's save.</summary>
internal sealed class EventPublisher(IServiceProvider services) : IEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken)
        where TEvent : class
    {
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
        {
            await handler.HandleAsync(@event, cancellationToken);
        }
    }
}
