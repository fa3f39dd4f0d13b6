using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Accounts.Models;

namespace Plan10000.Modules.Accounts.Data;

public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<PortalUser>(options)
{
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
    }
}
