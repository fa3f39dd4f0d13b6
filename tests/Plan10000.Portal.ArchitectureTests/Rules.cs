using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Navigation;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Themes;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Portal.ArchitectureTests;

/// <summary>The boundaries of ARCHITECTURE.md as functions returning their violations, so each can be shown to fail.</summary>
internal static class Rules
{
    public const string Abstractions = "Plan10000.Portal.Abstractions";

    public static IReadOnlyList<Assembly> Modules { get; } = Load("Plan10000.Modules.");

    public static IReadOnlyList<Assembly> Themes { get; } = Load("Plan10000.Themes.");

    /// <summary>Rule 1: a module or theme references no project of ours but Abstractions.</summary>
    public static IEnumerable<string> ForbiddenProjectReferences(Assembly assembly)
        => assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("Plan10000.", StringComparison.Ordinal) && n != Abstractions)
            .Select(n => $"{assembly.GetName().Name} référence {n}");

    /// <summary>Rule 2: Abstractions holds contracts only: no EF Core, no project of ours.</summary>
    public static IEnumerable<string> ContractOnlyViolations(Assembly assembly)
        => assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("Plan10000.", StringComparison.Ordinal))
            .Select(n => $"{assembly.GetName().Name} référence {n}");

    /// <summary>Rule 3: a module has the anatomy: manifest, one Startup, permissions, admin menu.</summary>
    public static IEnumerable<string> AnatomyViolations(Assembly assembly)
    {
        var name = assembly.GetName().Name;
        if (assembly.GetCustomAttribute<PortalModuleAttribute>() is null)
        {
            yield return $"{name} : pas d'attribut PortalModule (Manifest.cs)";
        }

        var types = assembly.GetTypes();
        if (types.Count(t => typeof(ModuleStartup).IsAssignableFrom(t) && !t.IsAbstract && t.Name == "Startup") != 1)
        {
            yield return $"{name} : pas de classe Startup";
        }

        if (!types.Any(t => typeof(IPermissionProvider).IsAssignableFrom(t) && t.Name == "Permissions"))
        {
            yield return $"{name} : pas de classe Permissions";
        }

        if (!types.Any(t => typeof(IAdminMenuContributor).IsAssignableFrom(t) && t.Name == "AdminMenu"))
        {
            yield return $"{name} : pas de classe AdminMenu";
        }
    }

    /// <summary>Rule 4: a module's DbContext maps only tables named after the module, so modules own disjoint tables.</summary>
    public static IEnumerable<string> TableOwnershipViolations(Type contextType, string moduleId)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        builder.UseSqlite("Data Source=:memory:");
        using var context = (DbContext)Activator.CreateInstance(contextType, builder.Options)!;
        foreach (var entity in context.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is not null && !table.StartsWith(moduleId + "_", StringComparison.Ordinal))
            {
                yield return $"{contextType.Name} : la table {table} n'appartient pas au module {moduleId}";
            }

            foreach (var foreignKey in entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType.GetTableName() is { } t && !t.StartsWith(moduleId + "_", StringComparison.Ordinal)))
            {
                yield return $"{contextType.Name} : clé étrangère vers {foreignKey.PrincipalEntityType.GetTableName()}";
            }
        }
    }

    /// <summary>Rule 5 (theme contract): a public theme, with its base themes, supplies a layout and every shared UI piece.</summary>
    public static IEnumerable<string> MissingThemeTemplates(IReadOnlyList<Assembly> themeChain)
    {
        var id = themeChain[0].GetCustomAttribute<PortalThemeAttribute>()!.Id;
        var views = themeChain
            .SelectMany(a => a.GetCustomAttributes<RazorCompiledItemAttribute>().Select(i => (Theme: a.GetCustomAttribute<PortalThemeAttribute>()!.Id, i.Identifier)))
            .Select(v => v.Identifier)
            .ToHashSet(StringComparer.Ordinal);
        var ids = themeChain.Select(a => a.GetCustomAttribute<PortalThemeAttribute>()!.Id).ToList();
        foreach (var template in UiComponents.All.Append("_Layout"))
        {
            if (!ids.Any(t => views.Contains($"/Themes/{t}/Views/Shared/{template}.cshtml")))
            {
                yield return $"Le thème {id} ne fournit pas {template}";
            }
        }
    }

    /// <summary>Rule 6 (issue 17): a controller of a module is read at once, so no controller file exceeds this.</summary>
    public const int MaxControllerLines = 300;

    /// <summary>The modules/ folder of the checkout these tests were built from.</summary>
    public static string ModulesDirectory { get; } = FindModulesDirectory();

    /// <summary>
    /// Rule 6: every controller file under <paramref name="modulesDirectory"/> (a file in a Controllers folder, or
    /// named *Controller.cs / *ControllerBase.cs; build output aside) has at most <see cref="MaxControllerLines"/> lines.
    /// </summary>
    public static IEnumerable<string> OversizedControllers(string modulesDirectory)
        => Directory.EnumerateFiles(modulesDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => (Path: path, Segments: Path.GetRelativePath(modulesDirectory, path).Split(Path.DirectorySeparatorChar)))
            .Where(f => !f.Segments.Any(s => s is "bin" or "obj"))
            .Where(f => f.Segments.SkipLast(1).Contains("Controllers") || f.Path.EndsWith("Controller.cs", StringComparison.Ordinal) || f.Path.EndsWith("ControllerBase.cs", StringComparison.Ordinal))
            .Select(f => (Name: string.Join('/', f.Segments), Lines: File.ReadLines(f.Path).Count()))
            .Where(f => f.Lines > MaxControllerLines)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name} : {f.Lines} lignes (au plus {MaxControllerLines})");

    public static IReadOnlyList<Assembly> ThemeChain(Assembly theme)
    {
        var chain = new List<Assembly> { theme };
        for (var baseId = theme.GetCustomAttribute<PortalThemeAttribute>()!.BaseTheme; baseId is not null;)
        {
            var next = Themes.Single(t => t.GetCustomAttribute<PortalThemeAttribute>()!.Id == baseId);
            chain.Add(next);
            baseId = next.GetCustomAttribute<PortalThemeAttribute>()!.BaseTheme;
        }

        return chain;
    }

    private static string FindModulesDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Plan10000.Portal.sln")))
            {
                return Path.Combine(directory.FullName, "modules");
            }
        }

        throw new InvalidOperationException($"Plan10000.Portal.sln introuvable au-dessus de {AppContext.BaseDirectory}");
    }

    private static IReadOnlyList<Assembly> Load(string prefix)
        => [.. Directory.EnumerateFiles(AppContext.BaseDirectory, prefix + "*.dll").Order(StringComparer.Ordinal).Select(p => Assembly.Load(AssemblyName.GetAssemblyName(p)))];
}
