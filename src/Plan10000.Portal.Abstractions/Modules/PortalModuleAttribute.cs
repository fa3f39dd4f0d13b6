namespace Plan10000.Portal.Abstractions.Modules;

/// <summary>Marks an assembly as a portal module. The id is also its MVC area, configuration key, permission prefix and table prefix.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PortalModuleAttribute : Attribute
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string[] Dependencies { get; init; } = [];
}
