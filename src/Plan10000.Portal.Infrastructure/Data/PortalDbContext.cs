using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Plan10000.Portal.Infrastructure.Data;

/// <summary>The host's own tables: site settings and data-protection keys (shared so several instances read each other's cookies).</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string ModuleId = "Portal";
    public const string HeartbeatKey = "jobs:heartbeat";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    internal DbSet<SiteSettingRow> Settings => Set<SiteSettingRow>();

    public async Task<string?> GetValueAsync(string key, CancellationToken cancellationToken)
        => await Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);

    public async Task SetValueAsync(string key, string value, CancellationToken cancellationToken)
    {
        var row = await Settings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (row is null)
        {
            Settings.Add(row = new SiteSettingRow { Key = key });
        }

        row.Value = value;
        await SaveChangesAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>().ToTable("Portal_DataProtectionKeys");
        modelBuilder.Entity<SiteSettingRow>(e =>
        {
            e.ToTable("Portal_Settings");
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(100);
            e.Property(s => s.Value).HasMaxLength(4000);
        });
    }
}

internal sealed class SiteSettingRow
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
