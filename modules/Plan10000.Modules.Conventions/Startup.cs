using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Plan10000.Modules.Conventions.Seed;
using Plan10000.Modules.Conventions.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Conventions;

public sealed class Startup : ModuleStartup
{
    /// <summary>The print stylesheet of the convention document and the report; served here because the CSP forbids inline styles.</summary>
    internal const string PrintCss = """
        .cv-document { max-width: 48rem; margin: 0 auto; font-family: Georgia, "Times New Roman", serif; line-height: 1.5; color: #000; }
        .cv-document h1 { font-size: 1.6rem; text-align: center; }
        .cv-document table { border-collapse: collapse; width: 100%; }
        .cv-document th, .cv-document td { border: 1px solid #444; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        .cv-signatures { display: flex; gap: 2rem; flex-wrap: wrap; }
        .cv-signatures > div { flex: 1 1 14rem; min-height: 8rem; border-top: 1px solid #000; padding-top: .5rem; }
        @media print {
          header, footer, nav, form, .cv-noprint, .fr-header, .fr-footer, .a-header, .c-header { display: none !important; }
          body { background: #fff; }
          .cv-document { max-width: none; font-size: 11pt; }
          .cv-document section { break-inside: avoid; }
          a[href]::after { content: ""; }
        }
        """;

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ConventionService>();
        services.AddScoped<IReminderSource, ConventionExpiryReminders>();
        services.AddScoped<IDigestContributor, ConventionsDigest>();
        services.AddScoped<IDemoDataSeeder, DemoConventionsSeeder>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuContributor, AdminMenu>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/conventions/impression.css", () => Results.Text(PrintCss, "text/css; charset=utf-8")).AllowAnonymous();
}
