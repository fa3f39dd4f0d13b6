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

    internal DbSet<Audit.AuditRow> AuditEntries => Set<Audit.AuditRow>();

    internal DbSet<Mail.MailLogRow> MailLog => Set<Mail.MailLogRow>();

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

    public async Task<int> PurgeMailLogOlderThanAsync(DateTimeOffset limit, CancellationToken cancellationToken)
    {
        var before = limit.UtcDateTime;
        var old = await MailLog.Where(m => m.SentAt < before).ToListAsync(cancellationToken);
        MailLog.RemoveRange(old);
        await SaveChangesAsync(cancellationToken);
        return old.Count;
    }

    public async Task<int> CountMailsAsync(string recipient, string template, CancellationToken cancellationToken)
        => await MailLog.CountAsync(m => m.Recipient == recipient && m.Template == template, cancellationToken);

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
        modelBuilder.Entity<Audit.AuditRow>(e =>
        {
            e.ToTable("Portal_AuditEntries");
            e.HasKey(a => a.Id);
            e.Property(a => a.UserId).HasMaxLength(64);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Target).HasMaxLength(256);
            e.Property(a => a.Details).HasMaxLength(2000);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.HasIndex(a => a.UserId);
            e.HasIndex(a => a.Action);
            e.HasIndex(a => a.At);
        });
        modelBuilder.Entity<Mail.MailLogRow>(e =>
        {
            e.ToTable("Portal_MailLog");
            e.HasKey(m => m.Id);
            e.Property(m => m.Recipient).HasMaxLength(256);
            e.Property(m => m.Template).HasMaxLength(100);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Status).HasMaxLength(20);
            e.Property(m => m.ServerAnswer).HasMaxLength(1000);
            e.HasIndex(m => m.SentAt);
        });
    }
}

internal sealed class SiteSettingRow
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
