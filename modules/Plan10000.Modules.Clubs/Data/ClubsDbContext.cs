using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Clubs.Models;

namespace Plan10000.Modules.Clubs.Data;

public sealed class ClubsDbContext(DbContextOptions<ClubsDbContext> options) : DbContext(options)
{
    internal DbSet<Club> Clubs => Set<Club>();

    internal DbSet<ClubAnimator> Animators => Set<ClubAnimator>();

    internal DbSet<ClubMembership> Memberships => Set<ClubMembership>();

    internal DbSet<Meeting> Meetings => Set<Meeting>();

    internal DbSet<MeetingRegistration> Registrations => Set<MeetingRegistration>();

    internal DbSet<MeetingDecision> Decisions => Set<MeetingDecision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Club>(e =>
        {
            e.ToTable("Clubs_Clubs");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Description).HasMaxLength(4000);
            e.Property(c => c.DepartementCode).HasMaxLength(3);
            e.Property(c => c.ReferentContacts).HasMaxLength(1000);
            e.Property(c => c.ContactEmail).HasMaxLength(256);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(c => c.CreatedBy).HasMaxLength(450);
            e.Property(c => c.ValidatedBy).HasMaxLength(450);
            e.HasIndex(c => new { c.DepartementCode, c.Status });
            e.HasMany(c => c.Animators).WithOne().HasForeignKey(a => a.ClubId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ClubAnimator>(e =>
        {
            e.ToTable("Clubs_Animators");
            e.HasKey(a => a.Id);
            e.Property(a => a.UserId).HasMaxLength(450);
            e.Property(a => a.Email).HasMaxLength(256);
            e.HasIndex(a => new { a.ClubId, a.UserId }).IsUnique();
        });
        modelBuilder.Entity<ClubMembership>(e =>
        {
            e.ToTable("Clubs_Memberships");
            e.HasKey(m => m.Id);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(12);
            e.HasIndex(m => new { m.ClubId, m.CompanyId }).IsUnique();
            e.HasIndex(m => m.CompanyId);
            e.HasOne<Club>().WithMany().HasForeignKey(m => m.ClubId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Meeting>(e =>
        {
            e.ToTable("Clubs_Meetings");
            e.HasKey(m => m.Id);
            e.Property(m => m.Title).HasMaxLength(200);
            e.Property(m => m.Place).HasMaxLength(300);
            e.Property(m => m.VideoUrl).HasMaxLength(500);
            e.Property(m => m.Agenda).HasMaxLength(4000);
            e.Property(m => m.Minutes).HasMaxLength(20000);
            e.HasIndex(m => new { m.ClubId, m.StartsAtUtc });
            e.HasOne<Club>().WithMany().HasForeignKey(m => m.ClubId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Registrations).WithOne().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MeetingRegistration>(e =>
        {
            e.ToTable("Clubs_Registrations");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.MeetingId, r.CompanyId }).IsUnique();
        });
        modelBuilder.Entity<MeetingDecision>(e =>
        {
            e.ToTable("Clubs_Decisions");
            e.HasKey(d => d.Id);
            e.Property(d => d.Text).HasMaxLength(2000);
        });
    }
}
