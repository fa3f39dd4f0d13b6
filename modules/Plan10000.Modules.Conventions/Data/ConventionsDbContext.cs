using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Conventions.Models;

namespace Plan10000.Modules.Conventions.Data;

public sealed class ConventionsDbContext(DbContextOptions<ConventionsDbContext> options) : DbContext(options)
{
    internal DbSet<Convention> Conventions => Set<Convention>();

    internal DbSet<Signatory> Signatories => Set<Signatory>();

    internal DbSet<ConventionFigure> Figures => Set<ConventionFigure>();

    internal DbSet<Amendment> Amendments => Set<Amendment>();

    internal DbSet<PaqteObjective> Objectives => Set<PaqteObjective>();

    internal DbSet<DepartementReport> Reports => Set<DepartementReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Convention>(e =>
        {
            e.ToTable("Conventions_Conventions");
            e.HasKey(c => c.Id);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(c => c.Title).HasMaxLength(200);
            e.Property(c => c.DepartementCode).HasMaxLength(3);
            e.Property(c => c.PartyName).HasMaxLength(200);
            e.Property(c => c.ThemeNumeros).HasMaxLength(100);
            e.Property(c => c.Body).HasMaxLength(8000);
            e.Property(c => c.SignedBy).HasMaxLength(450);
            e.Property(c => c.CreatedBy).HasMaxLength(450);
            e.Ignore(c => c.Themes);
            e.HasIndex(c => new { c.DepartementCode, c.Kind });
            e.HasIndex(c => c.EndsOn);
            e.HasIndex(c => c.ClubId);
            e.HasIndex(c => c.CompanyId);
            e.HasMany(c => c.Signatories).WithOne().HasForeignKey(s => s.ConventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Figures).WithOne().HasForeignKey(f => f.ConventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Amendments).WithOne().HasForeignKey(a => a.ConventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Objectives).WithOne().HasForeignKey(o => o.ConventionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Signatory>(e =>
        {
            e.ToTable("Conventions_Signatories");
            e.HasKey(s => s.Id);
            e.Property(s => s.Side).HasConversion<string>().HasMaxLength(10);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Quality).HasMaxLength(200);
        });
        modelBuilder.Entity<ConventionFigure>(e =>
        {
            e.ToTable("Conventions_Figures");
            e.HasKey(f => f.Id);
            e.Property(f => f.Unit).HasMaxLength(100);
        });
        modelBuilder.Entity<Amendment>(e =>
        {
            e.ToTable("Conventions_Amendments");
            e.HasKey(a => a.Id);
            e.Property(a => a.Title).HasMaxLength(200);
            e.Property(a => a.Text).HasMaxLength(8000);
            e.Property(a => a.CreatedBy).HasMaxLength(450);
            e.HasIndex(a => new { a.ConventionId, a.Number }).IsUnique();
        });
        modelBuilder.Entity<PaqteObjective>(e =>
        {
            e.ToTable("Conventions_PaqteObjectives");
            e.HasKey(o => o.Id);
            e.Property(o => o.Axis).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.Indicator).HasMaxLength(200);
        });
        modelBuilder.Entity<DepartementReport>(e =>
        {
            e.ToTable("Conventions_DepartementReports");
            e.HasKey(r => r.Id);
            e.Property(r => r.DepartementCode).HasMaxLength(3);
            e.Property(r => r.ReferentContact).HasMaxLength(1000);
            e.Property(r => r.FollowUpOrganisation).HasMaxLength(4000);
            e.Property(r => r.PartnerAssociations).HasMaxLength(4000);
            e.Property(r => r.Examples).HasMaxLength(8000);
            e.Property(r => r.StrategyAndObstacles).HasMaxLength(8000);
            e.Property(r => r.UpdatedBy).HasMaxLength(450);
            e.HasIndex(r => new { r.DepartementCode, r.Year, r.Half }).IsUnique();
        });
    }
}
