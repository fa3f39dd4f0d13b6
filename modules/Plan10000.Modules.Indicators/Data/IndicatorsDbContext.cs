using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Indicators.Models;

namespace Plan10000.Modules.Indicators.Data;

public sealed class IndicatorsDbContext(DbContextOptions<IndicatorsDbContext> options) : DbContext(options)
{
    internal DbSet<IndicatorDefinition> Definitions => Set<IndicatorDefinition>();

    internal DbSet<DepartementTarget> DepartementTargets => Set<DepartementTarget>();

    internal DbSet<Campaign> Campaigns => Set<Campaign>();

    internal DbSet<Submission> Submissions => Set<Submission>();

    internal DbSet<SubmissionTransition> Transitions => Set<SubmissionTransition>();

    internal DbSet<IndicatorValue> Values => Set<IndicatorValue>();

    internal DbSet<DepartementAggregate> Aggregates => Set<DepartementAggregate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IndicatorDefinition>(e =>
        {
            e.ToTable("Indicators_Definitions");
            e.HasKey(d => d.Id);
            e.Property(d => d.Code).HasMaxLength(40);
            e.Property(d => d.Label).HasMaxLength(300);
            e.Property(d => d.Unit).HasMaxLength(60);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Periodicity).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.NationalTarget).HasPrecision(18, 2);
            e.HasIndex(d => d.Code).IsUnique();
            e.HasMany(d => d.DepartementTargets).WithOne().HasForeignKey(t => t.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DepartementTarget>(e =>
        {
            e.ToTable("Indicators_DepartementTargets");
            e.HasKey(t => t.Id);
            e.Property(t => t.DepartementCode).HasMaxLength(3);
            e.Property(t => t.Target).HasPrecision(18, 2);
            e.HasIndex(t => new { t.DefinitionId, t.DepartementCode }).IsUnique();
        });
        modelBuilder.Entity<Campaign>(e =>
        {
            e.ToTable("Indicators_Campaigns");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Period).HasMaxLength(7);
            e.HasIndex(c => c.DueAtUtc);
        });
        modelBuilder.Entity<Submission>(e =>
        {
            e.ToTable("Indicators_Submissions");
            e.HasKey(s => s.Id);
            e.Property(s => s.SubjectKind).HasConversion<string>().HasMaxLength(12);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(s => s.DepartementCode).HasMaxLength(3);
            e.HasIndex(s => new { s.CampaignId, s.SubjectKind, s.SubjectId }).IsUnique();
            e.HasIndex(s => new { s.CampaignId, s.DepartementCode, s.Status });
            e.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SubmissionTransition>(e =>
        {
            e.ToTable("Indicators_Transitions");
            e.HasKey(t => t.Id);
            e.Property(t => t.From).HasConversion<string>().HasMaxLength(12);
            e.Property(t => t.To).HasConversion<string>().HasMaxLength(12);
            e.Property(t => t.ByUserId).HasMaxLength(450);
            e.Property(t => t.Comment).HasMaxLength(1000);
            e.HasIndex(t => new { t.SubmissionId, t.AtUtc });
            e.HasOne<Submission>().WithMany().HasForeignKey(t => t.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<IndicatorValue>(e =>
        {
            e.ToTable("Indicators_Values");
            e.HasKey(v => v.Id);
            e.Property(v => v.SubjectKind).HasConversion<string>().HasMaxLength(12);
            e.Property(v => v.DepartementCode).HasMaxLength(3);
            e.Property(v => v.Period).HasMaxLength(7);
            e.Property(v => v.Value).HasPrecision(18, 2);
            e.Property(v => v.Source).HasMaxLength(200);
            e.Property(v => v.AuthorId).HasMaxLength(450);
            e.HasIndex(v => new { v.SubjectId, v.DefinitionId, v.Period });
            e.HasIndex(v => v.SubmissionId);
            e.HasIndex(v => new { v.DepartementCode, v.DefinitionId, v.Period });
        });
        modelBuilder.Entity<DepartementAggregate>(e =>
        {
            e.ToTable("Indicators_Aggregates");
            e.HasKey(a => new { a.DefinitionId, a.Period, a.DepartementCode });
            e.Property(a => a.Period).HasMaxLength(7);
            e.Property(a => a.DepartementCode).HasMaxLength(3);
            e.Property(a => a.Total).HasPrecision(18, 2);
            e.HasIndex(a => new { a.DepartementCode, a.Period });
        });
    }
}
