using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Newsletters.Models;

namespace Plan10000.Modules.Newsletters.Data;

public sealed class NewslettersDbContext(DbContextOptions<NewslettersDbContext> options) : DbContext(options)
{
    internal DbSet<Newsletter> Newsletters => Set<Newsletter>();

    internal DbSet<Delivery> Deliveries => Set<Delivery>();

    internal DbSet<Subscriber> Subscribers => Set<Subscriber>();

    internal DbSet<OptOut> OptOuts => Set<OptOut>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Newsletter>(e =>
        {
            e.ToTable("Newsletters_Newsletters");
            e.HasKey(n => n.Id);
            e.Property(n => n.Subject).HasMaxLength(200);
            e.Property(n => n.Body).HasMaxLength(20000);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(n => n.CreatedBy).HasMaxLength(450);
            e.HasIndex(n => new { n.ClubId, n.Status });
            e.HasIndex(n => n.Status);
        });
        modelBuilder.Entity<Delivery>(e =>
        {
            e.ToTable("Newsletters_Deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Email).HasMaxLength(256);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.LastAnswer).HasMaxLength(1000);
            e.HasIndex(d => new { d.NewsletterId, d.Email }).IsUnique();
            e.HasIndex(d => new { d.NewsletterId, d.Status, d.Id });
            e.HasOne<Newsletter>().WithMany().HasForeignKey(d => d.NewsletterId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Subscriber>(e =>
        {
            e.ToTable("Newsletters_Subscribers");
            e.HasKey(s => s.Id);
            e.Property(s => s.Email).HasMaxLength(256);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(s => s.ConsentIp).HasMaxLength(64);
            e.Property(s => s.ConsentForm).HasMaxLength(100);
            e.Property(s => s.ConsentText).HasMaxLength(1000);
            e.Property(s => s.ConfirmNonce).HasMaxLength(64);
            e.HasIndex(s => new { s.ClubId, s.Email }).IsUnique();
        });
        modelBuilder.Entity<OptOut>(e =>
        {
            e.ToTable("Newsletters_OptOuts");
            e.HasKey(o => o.Id);
            e.Property(o => o.Email).HasMaxLength(256);
            e.Property(o => o.Source).HasMaxLength(40);
            e.HasIndex(o => new { o.ClubId, o.Email }).IsUnique();
        });
    }
}
