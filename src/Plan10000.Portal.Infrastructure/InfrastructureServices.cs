using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Plan10000.Portal.Abstractions.Audit;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Exports;
using Plan10000.Portal.Infrastructure.Exports;
using Plan10000.Portal.Infrastructure.Audit;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Infrastructure.Mail;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Infrastructure.Data;
using Plan10000.Portal.Infrastructure.Events;
using Plan10000.Portal.Infrastructure.Input;
using Plan10000.Portal.Infrastructure.Settings;

namespace Plan10000.Portal.Infrastructure;

public static class InfrastructureServices
{
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services, DatabaseSettings database, SiteSettings defaults)
    {
        services.AddSingleton(database);
        services.AddPortalDbContext<PortalDbContext>(database, PortalDbContext.ModuleId);
        services.AddMemoryCache();
        services.AddSingleton(defaults);
        services.AddSingleton<ISiteSettings, SiteSettingsStore>();
        services.AddSingleton<IPortalUrls, PortalUrls>();
        services.AddScoped<IEventPublisher, EventPublisher>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMailSender, MailKitSender>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IMailLog, MailLog>();
        services.AddSingleton<ITableExporter, TableExporter>();
        services.AddDataProtection().SetApplicationName("Plan10000.Portal").PersistKeysToDbContext<PortalDbContext>();
        return services;
    }

    public static IServiceCollection AddPortalDbContext<TContext>(this IServiceCollection services, DatabaseSettings database, string moduleId)
        where TContext : DbContext
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton<RefusedInputSaveGuard>();
        return services.AddDbContext<TContext>((sp, o) => o.UsePortalDatabase(database, moduleId).AddInterceptors(sp.GetRequiredService<RefusedInputSaveGuard>()));
    }
}
