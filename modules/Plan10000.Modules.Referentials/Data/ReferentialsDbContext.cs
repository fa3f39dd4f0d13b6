using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Referentials.Models;

namespace Plan10000.Modules.Referentials.Data;

public sealed class ReferentialsDbContext(DbContextOptions<ReferentialsDbContext> options) : DbContext(options)
{
    internal DbSet<Region> Regions => Set<Region>();

    internal DbSet<Departement> Departements => Set<Departement>();

    internal DbSet<Thematique> Thematiques => Set<Thematique>();

    internal DbSet<ReferenceEntry> Entries => Set<ReferenceEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Region>(e =>
        {
            e.ToTable("Referentials_Regions");
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(3);
            e.Property(r => r.Nom).HasMaxLength(100);
            e.Property(r => r.Zone).HasMaxLength(10);
        });
        modelBuilder.Entity<Departement>(e =>
        {
            e.ToTable("Referentials_Departements");
            e.HasKey(d => d.Code);
            e.Property(d => d.Code).HasMaxLength(3);
            e.Property(d => d.Nom).HasMaxLength(100);
            e.Property(d => d.RegionCode).HasMaxLength(3);
            e.Property(d => d.Zone).HasMaxLength(10);
            e.HasIndex(d => d.RegionCode);
        });
        modelBuilder.Entity<Thematique>(e =>
        {
            e.ToTable("Referentials_Thematiques");
            e.HasKey(t => t.Numero);
            e.Property(t => t.Numero).ValueGeneratedNever();
            e.Property(t => t.Libelle).HasMaxLength(400);
            e.Property(t => t.ServicesCompetents).HasMaxLength(200);
        });
        modelBuilder.Entity<ReferenceEntry>(e =>
        {
            e.ToTable("Referentials_Entries");
            e.HasKey(r => new { r.Kind, r.Code });
            e.Property(r => r.Kind).HasMaxLength(20);
            e.Property(r => r.Code).HasMaxLength(30);
            e.Property(r => r.Libelle).HasMaxLength(200);
        });
    }
}
