using Microsoft.Extensions.DependencyInjection;
using Plan10000.Modules.Referentials.Seed;
using Plan10000.Modules.Referentials.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Referentials;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddMemoryCache();
        services.AddSingleton<ReferentialsCache>();
        services.AddScoped<IReferentialsQuery, ReferentialsQuery>();
        services.AddScoped<IReferenceDataSeeder, ReferentialsSeeder>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuContributor, AdminMenu>();
    }
}
