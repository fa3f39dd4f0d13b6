using Microsoft.AspNetCore.Identity;

namespace Plan10000.Modules.Accounts.Models;

public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
