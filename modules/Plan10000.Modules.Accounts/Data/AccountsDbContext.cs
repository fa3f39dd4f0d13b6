using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Accounts.Models;

namespace Plan10000.Modules.Accounts.Data;

public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    internal DbSet<RolePermission> RolePermissions => Set<RolePermission>();

    internal DbSet<KnownPermission> KnownPermissions => Set<KnownPermission>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PortalUser>(e =>
        {
            e.ToTable("Accounts_Users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
        });
        builder.Entity<IdentityRole>().ToTable("Accounts_Roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("Accounts_UserRoles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("Accounts_UserClaims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("Accounts_UserLogins");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("Accounts_RoleClaims");
        builder.Entity<IdentityUserToken<string>>().ToTable("Accounts_UserTokens");
        builder.Entity<RolePermission>(e =>
        {
            e.ToTable("Accounts_RolePermissions");
            e.HasKey(g => new { g.Role, g.Permission });
            e.Property(g => g.Role).HasMaxLength(64);
            e.Property(g => g.Permission).HasMaxLength(100);
        });
        builder.Entity<KnownPermission>(e =>
        {
            e.ToTable("Accounts_KnownPermissions");
            e.HasKey(k => k.Permission);
            e.Property(k => k.Permission).HasMaxLength(100);
        });
    }
}
