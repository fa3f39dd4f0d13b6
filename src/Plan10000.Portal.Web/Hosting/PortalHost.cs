using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;
using Hangfire;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Jobs;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Abstractions.Themes;
using Plan10000.Portal.Infrastructure;
using Plan10000.Portal.Infrastructure.Data;
using Plan10000.Portal.Infrastructure.Input;
using Plan10000.Portal.Infrastructure.Mail;
using Plan10000.Portal.Web.Api;
using Plan10000.Portal.Web.Caching;
using Plan10000.Portal.Web.Jobs;
using Plan10000.Portal.Web.Modules;
using Plan10000.Portal.Web.Security;
using Plan10000.Portal.Web.Themes;

namespace Plan10000.Portal.Web.Hosting;

internal static class PortalHost
{
    /// <summary>ManageJobs, plus the admin two-factor rule that MVC filters cannot enforce on Hangfire's dashboard.</summary>
    private const string JobsDashboardPolicy = "JobsDashboard";

    /// <summary>Modules that the rest of the portal cannot do without.</summary>
    private static readonly string[] RequiredModules = ["Accounts"];

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (builder.Environment.IsProduction())
        {
            // One JSON object per line, scopes included, so that a log collector reads fields instead of text.
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var options = configuration.GetSection("Portal").Get<PortalOptions>() ?? new PortalOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        configuration["Portal:DataDirectory"] = dataDirectory;

        var database = DatabaseSettings.Create(configuration["Portal:Database:Provider"], configuration.GetConnectionString("Portal"), dataDirectory);
        services.AddPortalInfrastructure(database, new SiteSettings { PublicTheme = options.PublicTheme });
        services.Configure<PortalOptions>(configuration.GetSection("Portal"));
        services.Configure<MailOptions>(configuration.GetSection("Portal:Mail"));
        services.PostConfigure<MailOptions>(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory ?? "mail", dataDirectory));

        var modules = ModuleLoader.Load(configuration);
        foreach (var required in RequiredModules.Where(r => !modules.IsEnabled(r)))
        {
            throw new InvalidOperationException($"Le module « {required} » est indispensable au portail et ne peut pas être désactivé.");
        }

        var themes = ThemeCatalog.Discover();
        services.AddSingleton<IModuleCatalog>(modules);
        services.AddSingleton(modules);
        services.AddSingleton<IThemeCatalog>(themes);
        services.AddSingleton<ThemeResolver>();
        services.AddHttpContextAccessor();

        var addContext = typeof(InfrastructureServices).GetMethod(nameof(InfrastructureServices.AddPortalDbContext))!;
        foreach (var module in modules.Enabled)
        {
            foreach (var context in module.DbContexts)
            {
                addContext.MakeGenericMethod(context).Invoke(null, [services, database, module.Descriptor.Id]);
            }

            module.Startup!.ConfigureServices(services, new ModuleContext(module.Descriptor.Id, configuration, builder.Environment));
        }

        services.AddPortalJobs(database, dataDirectory, configuration, builder.Environment);
        services.AddScoped<IDashboardWidgetProvider, HeartbeatWidget>();
        services.AddSingleton<IPermissionProvider, HostPermissions>();
        services.AddSingleton<IAdminMenuContributor, HostAdminMenu>();
        services.AddSingleton<IPermissionCatalog, PermissionCatalog>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<IAdminMenu, AdminMenu>();

        services.AddControllersWithViews(mvc =>
            {
                mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                mvc.Filters.Add(new RefusedInputFilter());
                mvc.Filters.Add<ReferentialCodeFilter>();
                FrenchBindingMessages(mvc.ModelBindingMessageProvider);
            })
            .ConfigureApplicationPartManager(apm => SelectParts(apm, modules, themes));
        // French text stays readable in the HTML source instead of numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RazorViewEngineOptions>(o => o.ViewLocationExpanders.Add(new ThemeViewLocationExpander()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "portail.af";
            o.Cookie.SecurePolicy = configuration.GetValue<bool?>("Portal:Security:SecureCookies") ?? !builder.Environment.IsDevelopment()
                ? CookieSecurePolicy.Always
                : CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.AddPortalCaching(configuration);
        services.AddPortalApi();
        services.AddScoped<DatabaseInitializer>();
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.Name = "portail.messages");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        var permits = configuration.GetValue("Portal:RateLimit:SensitivePerMinute", 20);
        var redis = RedisSettings.From(configuration);
        if (redis is not null)
        {
            services.AddPortalRedis(redis);
        }

        var apiPermits = configuration.GetValue("Portal:Api:RequestsPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = PortalApi.RejectAsync;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PortalApi.Limit(context, redis, apiPermits));
            // A request refused by the input rule costs no permit: it changes nothing and answers 400 anyway.
            o.AddPolicy(RateLimitPolicies.Sensitive, context => context.Features.Get<RefusedInput>() is not null
                ? RateLimitPartition.GetNoLimiter("refused")
                : RedisSharedState.FixedWindow(context, redis, "sensitive", context.Connection.RemoteIpAddress?.ToString() ?? "local", permits));
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Behind a reverse proxy, the client's address and scheme come from X-Forwarded-* sent by the listed proxies only;
        // listing them replaces the framework's default trust of loopback (ADR 0027).
        var proxies = KnownProxies(configuration.GetSection("Portal:KnownProxies"));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count > 0)
            {
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
                proxies.ForEach(o.KnownProxies.Add);
            }
        });
        services.AddAuthorizationBuilder().AddPolicy(JobsDashboardPolicy, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(HostPermissions.ManageJobs))
            .RequireAssertion(context => context.Resource is not HttpContext http
                || http.RequestServices.GetService<IAdminTwoFactorRule>()?.IsSatisfiedBy(context.User) != false));
        return builder;
    }

    /// <summary><c>Portal:KnownProxies</c>: addresses separated by commas (environment) or a list (JSON).</summary>
    private static List<System.Net.IPAddress> KnownProxies(IConfigurationSection section)
    {
        var values = section.Value is { } value
            ? value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        return [.. values.Select(v => System.Net.IPAddress.TryParse(v, out var address)
            ? address
            : throw new InvalidOperationException($"Portal:KnownProxies : « {v} » n'est pas une adresse IP."))];
    }

    /// <summary>Model binding's own messages (a number expected, a value missing) in French, for forms and API problems alike.</summary>
    private static void FrenchBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"La valeur « {value} » n’est pas valide pour {field}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n’est pas valide.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"La valeur donnée pour {field} n’est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur donnée n’est pas valide.");
        messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n’est pas valide.");
        messages.SetValueMustBeANumberAccessor(field => $"Le champ {field} doit être un nombre.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Ce champ doit être un nombre.");
        messages.SetValueMustNotBeNullAccessor(value => $"Une valeur est requise (« {value} » n’est pas admis).");
        messages.SetMissingBindRequiredValueAccessor(field => $"Le champ {field} est requis.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est requise.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le corps de la requête est requis.");
    }

    /// <summary>Controllers and views of a disabled module are taken out, so its routes answer 404.</summary>
    private static void SelectParts(ApplicationPartManager apm, ModuleCatalog modules, ThemeCatalog themes)
    {
        var disabled = modules.Loaded.Where(m => !m.Descriptor.Enabled).Select(m => m.Assembly.GetName().Name).ToHashSet(StringComparer.Ordinal);
        foreach (var part in apm.ApplicationParts.Where(p => disabled.Contains(p.Name)).ToList())
        {
            apm.ApplicationParts.Remove(part);
        }

        var present = apm.ApplicationParts.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var assembly in modules.Enabled.Select(m => m.Assembly).Concat(themes.Assemblies).Where(a => !present.Contains(a.GetName().Name!)))
        {
            apm.ApplicationParts.Add(new AssemblyPart(assembly));
            apm.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
        }
    }

    public static async Task InitializePortalAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        var jobs = app.Services.GetRequiredService<IRecurringJobs>();
        jobs.AddOrUpdate<HeartbeatJob>(HeartbeatJob.Id, j => j.RunAsync(), Cron.Minutely());
        jobs.AddOrUpdate<RetentionJob>(RetentionJob.Id, j => j.RunAsync(), Cron.Daily(3));
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Enabled)
        {
            module.Startup!.ConfigureRecurringJobs(jobs);
        }
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        var french = new CultureInfo("fr-FR");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(french),
            SupportedCultures = [french],
            SupportedUICultures = [french],
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseHeadAsGet();
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/erreur/500");
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UsePortalApi();
        app.UseMiddleware<InputGuardMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalCaching();
        app.MapHealthChecks("/health", HealthAnswer.Options(app.Configuration));
        // Endpoint authorization gives the usual answers: login page when anonymous, 403 without the permission.
        app.MapHangfireDashboard("/admin/jobs", new DashboardOptions { Authorization = [], AppPath = "/admin", DashboardTitle = "Tâches planifiées" })
            .RequireAuthorization(JobsDashboardPolicy);
        // Fingerprinted URLs (asp-append-version) with a one-year immutable cache and build-time compression; a new
        // theme file or DSFR release has a new URL, so it reaches visitors at once.
        app.MapStaticAssets();
        app.MapControllers().WithStaticAssets();
        app.MapPortalApi();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Enabled)
        {
            module.Startup!.MapEndpoints(app);
        }

        return app;
    }
}
