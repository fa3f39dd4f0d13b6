namespace Plan10000.Portal.Abstractions.Security;

/// <summary>A verb+noun permission (ManageSettings) declared by a module, with the roles that hold it by default.</summary>
public sealed record Permission(string Name, string Description, string Module, IReadOnlyList<string> DefaultRoles)
{
    public string PolicyName => PermissionPolicy.Prefix + Name;
}

public static class PermissionPolicy
{
    public const string Prefix = "Permission:";
}

/// <summary>Each module's Permissions.cs implements this.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}
