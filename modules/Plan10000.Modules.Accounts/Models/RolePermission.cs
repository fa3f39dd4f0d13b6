namespace Plan10000.Modules.Accounts.Models;

internal sealed class RolePermission
{
    public string Role { get; set; } = "";
    public string Permission { get; set; } = "";
}

/// <summary>A permission whose default grants were already applied: a grant removed by an admin stays removed.</summary>
internal sealed class KnownPermission
{
    public string Permission { get; set; } = "";
}
