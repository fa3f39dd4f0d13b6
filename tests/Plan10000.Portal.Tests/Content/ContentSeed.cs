using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Content.Data;
using Plan10000.Modules.Content.Models;
using Plan10000.Modules.Content.Services;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Content;

/// <summary>Content put straight through the module's service, for tests about what the public sees.</summary>
public static class ContentSeed
{
    internal static async Task<int> PublishAsync(PortalFactory factory, ContentKind kind, string title, string body, Action<ContentItem>? more = null, bool publish = true)
    {
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<ContentService>();
        var item = new ContentItem
        {
            Kind = kind,
            Title = title,
            Slug = Text.Slugify(title),
            Summary = "Résumé de " + title,
            Body = body,
            Themes = kind is ContentKind.BonnePratique or ContentKind.Dispositif ? ",3," : ",",
            ServiceCompetent = kind == ContentKind.Dispositif ? "Direccte" : null,
        };
        more?.Invoke(item);
        await service.SaveAsync(item, new Actor("test", null, true), "test", CancellationToken.None);
        if (publish)
        {
            await service.PublishAsync(item, null, null, CancellationToken.None);
        }

        return item.Id;
    }

    internal static async Task<ContentItem> LoadAsync(PortalFactory factory, int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    internal static async Task<T> WithDbAsync<T>(PortalFactory factory, Func<ContentDbContext, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ContentDbContext>());
    }
}
