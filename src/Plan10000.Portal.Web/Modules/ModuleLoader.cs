using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Plan10000.Portal.Abstractions.Modules;

namespace Plan10000.Portal.Web.Modules;

internal sealed record LoadedModule(ModuleDescriptor Descriptor, Assembly Assembly, ModuleStartup? Startup, IReadOnlyList<Type> DbContexts);

internal sealed class ModuleCatalog(IReadOnlyList<LoadedModule> modules) : IModuleCatalog
{
    public IReadOnlyList<LoadedModule> Loaded { get; } = modules;

    public IReadOnlyList<ModuleDescriptor> Modules { get; } = [.. modules.Select(m => m.Descriptor)];

    public IEnumerable<LoadedModule> Enabled => Loaded.Where(m => m.Descriptor.Enabled);

    public bool IsEnabled(string moduleId) => Modules.Any(m => m.Enabled && string.Equals(m.Id, moduleId, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Finds module assemblies next to the host, orders them by dependency and applies the enable switches.</summary>
internal static class ModuleLoader
{
    public const string AssemblyPrefix = "Plan10000.Modules.";

    public static ModuleCatalog Load(IConfiguration configuration, IEnumerable<Assembly>? candidates = null)
    {
        var found = (candidates ?? DiscoverAssemblies())
            .Select(a => (Assembly: a, Attribute: a.GetCustomAttribute<PortalModuleAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToDictionary(x => x.Attribute!.Id, x => x.Assembly, StringComparer.OrdinalIgnoreCase);

        var plan = Plan(found.Values.Select(a => a.GetCustomAttribute<PortalModuleAttribute>()!), id => configuration.GetValue($"Portal:Modules:{id}:Enabled", true));
        var result = new List<LoadedModule>();
        foreach (var (attribute, isOn) in plan)
        {
            var assembly = found[attribute.Id];
            var startupType = assembly.GetTypes().SingleOrDefault(t => typeof(ModuleStartup).IsAssignableFrom(t) && !t.IsAbstract)
                ?? throw new InvalidOperationException($"Le module « {attribute.Id} » n'a pas de classe Startup dérivée de ModuleStartup.");
            var contexts = assembly.GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract).ToList();
            var descriptor = new ModuleDescriptor(attribute.Id, attribute.Name, attribute.Description, attribute.Dependencies, isOn, assembly.GetName().Name ?? "");
            result.Add(new LoadedModule(descriptor, assembly, isOn ? (ModuleStartup)Activator.CreateInstance(startupType)! : null, contexts));
        }

        return new ModuleCatalog(result);
    }

    /// <summary>Load order and enabled state; an enabled module whose dependency is off or missing stops the start with a French message.</summary>
    internal static IReadOnlyList<(PortalModuleAttribute Module, bool Enabled)> Plan(IEnumerable<PortalModuleAttribute> modules, Func<string, bool> isSwitchedOn)
    {
        var byId = modules.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        var enabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<(PortalModuleAttribute, bool)>();
        foreach (var id in Order(byId.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value.Dependencies, StringComparer.OrdinalIgnoreCase)))
        {
            var module = byId[id];
            var isOn = isSwitchedOn(module.Id);
            if (isOn)
            {
                var missing = module.Dependencies.Where(d => !enabled.Contains(d)).ToList();
                if (missing.Count > 0)
                {
                    throw new InvalidOperationException(
                        $"Le module « {module.Id} » dépend de {string.Join(", ", missing.Select(m => $"« {m} »"))}, désactivé ou absent. "
                        + $"Activez la dépendance ou désactivez aussi « {module.Id} » (Portal__Modules__{module.Id}__Enabled=false).");
                }

                enabled.Add(module.Id);
            }

            result.Add((module, isOn));
        }

        return result;
    }

    /// <summary>Topological order; a cycle or an unknown dependency of an enabled module is reported by name.</summary>
    internal static IReadOnlyList<string> Order(IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
    {
        var ordered = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false = visiting, true = done
        void Visit(string id, Stack<string> path)
        {
            if (state.TryGetValue(id, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException($"Dépendance circulaire entre modules : {string.Join(" → ", path.Reverse().Append(id))}.");
                }

                return;
            }

            state[id] = false;
            path.Push(id);
            foreach (var dependency in dependencies[id].Where(dependencies.ContainsKey).OrderBy(d => d, StringComparer.Ordinal))
            {
                Visit(dependency, path);
            }

            path.Pop();
            state[id] = true;
            ordered.Add(id);
        }

        foreach (var id in dependencies.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            Visit(id, new Stack<string>());
        }

        return ordered;
    }

    private static IEnumerable<Assembly> DiscoverAssemblies()
        => Directory.EnumerateFiles(AppContext.BaseDirectory, AssemblyPrefix + "*.dll")
            .Order(StringComparer.Ordinal)
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)));
}
