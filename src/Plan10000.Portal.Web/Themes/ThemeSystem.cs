using System.Reflection;
using Microsoft.AspNetCore.Mvc.Razor;
using Plan10000.Portal.Abstractions.Settings;
using Plan10000.Portal.Abstractions.Themes;

namespace Plan10000.Portal.Web.Themes;

internal sealed class ThemeCatalog(IReadOnlyList<ThemeDescriptor> themes, IReadOnlyList<Assembly> assemblies) : IThemeCatalog
{
    public const string AssemblyPrefix = "Plan10000.Themes.";
    public const string DefaultPublicTheme = "Dsfr";
    public const string AdminTheme = "Admin";

    public IReadOnlyList<ThemeDescriptor> Themes { get; } = themes;

    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies;

    public static ThemeCatalog Discover()
    {
        var assemblies = Directory.EnumerateFiles(AppContext.BaseDirectory, AssemblyPrefix + "*.dll")
            .Order(StringComparer.Ordinal)
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)))
            .Where(a => a.GetCustomAttribute<PortalThemeAttribute>() is not null)
            .ToList();
        var descriptors = assemblies
            .Select(a => a.GetCustomAttribute<PortalThemeAttribute>()!)
            .Select(t => new ThemeDescriptor(t.Id, t.Name, t.Description, t.Kind, t.StateBrand, t.BaseTheme))
            .ToList();
        return new ThemeCatalog(descriptors, assemblies);
    }
}

/// <summary>Decides which theme renders a request: the admin theme under /admin, the configured public theme elsewhere.</summary>
internal sealed class ThemeResolver(IThemeCatalog catalog, ISiteSettings settings)
{
    public string Resolve(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            return ThemeCatalog.AdminTheme;
        }

        var wanted = catalog.Find(settings.Current.PublicTheme);
        return wanted is { Kind: ThemeKind.Public } ? wanted.Id : ThemeCatalog.DefaultPublicTheme;
    }
}

/// <summary>Puts the active theme's folders before the module and host folders, so a theme overrides any view by path.</summary>
internal sealed class ThemeViewLocationExpander : IViewLocationExpander
{
    private const string Key = "theme";

    public void PopulateValues(ViewLocationExpanderContext context)
        => context.Values[Key] = context.ActionContext.HttpContext.RequestServices.GetRequiredService<ThemeResolver>().Resolve(context.ActionContext.HttpContext);

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (!context.Values.TryGetValue(Key, out var theme) || theme is null)
        {
            return viewLocations;
        }

        var themed = new List<string>();
        var catalog = context.ActionContext.HttpContext.RequestServices.GetRequiredService<IThemeCatalog>();
        foreach (var id in catalog.Chain(theme))
        {
            if (context.AreaName is not null)
            {
                themed.Add($"/Themes/{id}/Areas/{{2}}/Views/{{1}}/{{0}}.cshtml");
            }

            themed.Add($"/Themes/{id}/Views/{{1}}/{{0}}.cshtml");
            themed.Add($"/Themes/{id}/Views/Shared/{{0}}.cshtml");
        }

        return themed.Concat(viewLocations);
    }
}
