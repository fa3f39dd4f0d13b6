using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Notifications.Models;

namespace Plan10000.Modules.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    internal DbSet<Preference> Preferences => Set<Preference>();

    internal DbSet<DigestRun> DigestRuns => Set<DigestRun>();

    internal DbSet<ReminderRecord> Reminders => Set<ReminderRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Preference>(e =>
        {
            e.ToTable("Notifications_Preferences");
            e.HasKey(p => p.Id);
            e.Property(p => p.UserId).HasMaxLength(450);
            e.Property(p => p.Category).HasMaxLength(40);
            e.Property(p => p.Frequency).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(p => new { p.UserId, p.Category }).IsUnique();
        });
        modelBuilder.Entity<DigestRun>(e =>
        {
            e.ToTable("Notifications_DigestRuns");
            e.HasKey(r => r.Id);
            e.Property(r => r.UserId).HasMaxLength(450);
            e.Property(r => r.Frequency).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.Period).HasMaxLength(20);
            e.Property(r => r.Outcome).HasMaxLength(20);
            e.HasIndex(r => new { r.UserId, r.Frequency, r.Period }).IsUnique();
        });
        modelBuilder.Entity<ReminderRecord>(e =>
        {
            e.ToTable("Notifications_Reminders");
            e.HasKey(r => r.Id);
            e.Property(r => r.Key).HasMaxLength(400);
            e.Property(r => r.Source).HasMaxLength(100);
            e.Property(r => r.To).HasMaxLength(256);
            e.Property(r => r.Subject).HasMaxLength(300);
            e.Property(r => r.Outcome).HasMaxLength(20);
            e.Property(r => r.ServerAnswer).HasMaxLength(1000);
            e.HasIndex(r => r.Key).IsUnique();
            e.HasIndex(r => r.ClaimedAtUtc);
        });
    }
}
