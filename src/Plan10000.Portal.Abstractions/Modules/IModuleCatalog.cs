namespace Plan10000.Portal.Abstractions.Modules;

public sealed record ModuleDescriptor(string Id, string Name, string Description, IReadOnlyList<string> Dependencies, bool Enabled, string AssemblyName);

/// <summary>The modules found at start, in load order, enabled or not.</summary>
public interface IModuleCatalog
{
    IReadOnlyList<ModuleDescriptor> Modules { get; }

    bool IsEnabled(string moduleId);
}
