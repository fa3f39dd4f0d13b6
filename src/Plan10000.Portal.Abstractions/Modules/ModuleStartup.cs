using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Plan10000.Portal.Abstractions.Modules;

/// <summary>What the host hands a module while it is being loaded.</summary>
public sealed record ModuleContext(string ModuleId, IConfiguration Configuration, IHostEnvironment Environment);

/// <summary>The one entry point of a module. The host calls it only when the module is enabled.</summary>
public abstract class ModuleStartup
{
    public virtual void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    /// <summary>Minimal-API endpoints; controllers are found through their attribute routes.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <summary>Called once at start, after the migrations: register the module's recurring jobs here.</summary>
    public virtual void ConfigureRecurringJobs(Jobs.IRecurringJobs jobs)
    {
    }
}
