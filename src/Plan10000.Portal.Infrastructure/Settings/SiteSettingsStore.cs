using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Settings;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Infrastructure.Data;

namespace Plan10000.Portal.Infrastructure.Settings;

/// <summary>
/// Settings live in one JSON row. The cache is short so that another instance's change shows within seconds,
/// and is dropped on save so this instance's change shows on the very next request.
/// </summary>
internal sealed class SiteSettingsStore(IServiceScopeFactory scopes, IMemoryCache cache, SiteSettings defaults) : ISiteSettings
{
    private const string RowKey = "site";
    private const string CacheKey = "portal:site-settings";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public SiteSettings Current => cache.GetOrCreate(CacheKey, entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = Lifetime;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = db.Settings.AsNoTracking().FirstOrDefault(s => s.Key == RowKey);
        return row is null ? defaults : JsonSerializer.Deserialize<SiteSettings>(row.Value) ?? defaults;
    })!;

    public async Task SaveAsync(SiteSettings settings, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SetValueAsync(RowKey, JsonSerializer.Serialize(settings), cancellationToken);
        cache.Remove(CacheKey);
        await scope.ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(new SiteSettingsChanged(), cancellationToken);
    }
}
