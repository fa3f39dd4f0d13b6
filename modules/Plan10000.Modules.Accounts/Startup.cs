using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Plan10000.Modules.Accounts.Data;
using Plan10000.Modules.Accounts.Models;
using Plan10000.Modules.Accounts.Seed;
using Plan10000.Modules.Accounts.Services;
using Plan10000.Portal.Abstractions.Data;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Queries.Accounts;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Modules.Accounts;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // Long passphrases over composition rules (ANSSI / CNIL recommendation).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "portail.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure outside Development; Portal:Security:SecureCookies=false only for plain-HTTP test hosts.
            o.Cookie.SecurePolicy = context.Configuration.GetValue<bool?>("Portal:Security:SecureCookies") ?? !context.Environment.IsDevelopment()
                ? CookieSecurePolicy.Always
                : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/compte/connexion";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                // A signed-in user without the right gets a plain 403 (rendered by the French error page), not a redirect.
                OnRedirectToAccessDenied = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
        });
        services.TryAddSingleton(TimeProvider.System);
        var security = new SecurityOptions
        {
            RequireAdminTwoFactor = context.Configuration.GetValue<bool?>("Portal:Security:RequireAdminTwoFactor") ?? !context.Environment.IsDevelopment(),
        };
        services.AddSingleton(security);
        services.AddScoped<RequireAdminTwoFactorFilter>();
        services.AddSingleton<IAdminTwoFactorRule, AdminTwoFactorRule>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<RequireAdminTwoFactorFilter>());
        services.AddScoped<AccountMailJob>();
        services.AddScoped<INationalAdmins, NationalAdmins>();
        services.AddScoped<IReferenceDataSeeder, AccountsSeeder>();
        services.AddScoped<IReferenceDataSeeder, PermissionGrantsSeeder>();
        services.AddScoped<IPermissionGrants, PermissionGrants>();
        services.AddScoped<IDemoDataSeeder, DemoAccountsSeeder>();
        services.AddSingleton<IAccessScope, AccessScope>();
        services.AddHttpContextAccessor();
        services.AddScoped<IAccountProvisioning, AccountProvisioning>();
        services.AddScoped<IReminderSource, InvitationReminders>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuContributor, AdminMenu>();
    }
}
