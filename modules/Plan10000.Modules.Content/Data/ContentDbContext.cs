using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Content.Models;
using Plan10000.Portal.Abstractions.Data;

namespace Plan10000.Modules.Content.Data;

public sealed class ContentDbContext(DbContextOptions<ContentDbContext> options) : DbContext(options)
{
    internal DbSet<ContentItem> Items => Set<ContentItem>();

    internal DbSet<ContentVersion> Versions => Set<ContentVersion>();

    internal DbSet<CharterVersion> CharterVersions => Set<CharterVersion>();

    internal DbSet<MediaFile> Media => Set<MediaFile>();

    internal DbSet<MediaBlob> MediaBlobs => Set<MediaBlob>();

    internal DbSet<TerritorialKit> Kits => Set<TerritorialKit>();

    internal DbSet<KitContact> KitContacts => Set<KitContact>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset; as a UTC-ordered long it can (scheduled publication, « latest first »).
        if (Database.ProviderName == ProviderNames.Sqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContentItem>(e =>
        {
            e.ToTable("Content_Items");
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Title).HasMaxLength(200);
            e.Property(i => i.Slug).HasMaxLength(120);
            e.Property(i => i.Summary).HasMaxLength(600);
            e.Property(i => i.CoverUrl).HasMaxLength(300);
            e.Property(i => i.CoverAlt).HasMaxLength(300);
            e.Property(i => i.SeoTitle).HasMaxLength(200);
            e.Property(i => i.SeoDescription).HasMaxLength(300);
            e.Property(i => i.Tags).HasMaxLength(400);
            e.Property(i => i.AuthorName).HasMaxLength(200);
            e.Property(i => i.AuthorId).HasMaxLength(100);
            e.Property(i => i.Themes).HasMaxLength(100);
            e.Property(i => i.Publics).HasMaxLength(300);
            e.Property(i => i.Taille).HasMaxLength(30);
            e.Property(i => i.Secteur).HasMaxLength(30);
            e.Property(i => i.Departement).HasMaxLength(3);
            e.Property(i => i.CompanyId).HasMaxLength(100);
            e.Property(i => i.Contact).HasMaxLength(400);
            e.Property(i => i.ServiceCompetent).HasMaxLength(300);
            e.Ignore(i => i.ThemeNumbers);
            e.Ignore(i => i.PublicCodes);
            e.Ignore(i => i.TagList);
            // A slug is unique within its kind: /actualites/x and /ressources/dispositifs/x may coexist.
            e.HasIndex(i => new { i.Kind, i.Slug }).IsUnique();
            e.HasIndex(i => new { i.Kind, i.Status });
            e.HasIndex(i => i.PublishAt);
            e.HasIndex(i => i.UnpublishAt);
        });
        modelBuilder.Entity<ContentVersion>(e =>
        {
            e.ToTable("Content_Versions");
            e.Property(v => v.AuthorName).HasMaxLength(200);
            e.Property(v => v.AuthorId).HasMaxLength(100);
            e.Property(v => v.Note).HasMaxLength(200);
            e.HasIndex(v => new { v.ContentItemId, v.Number }).IsUnique();
        });
        modelBuilder.Entity<CharterVersion>(e =>
        {
            e.ToTable("Content_CharterVersions");
            e.Property(v => v.Title).HasMaxLength(200);
            e.HasIndex(v => v.Number).IsUnique();
        });
        modelBuilder.Entity<MediaFile>(e =>
        {
            e.ToTable("Content_Media");
            e.Property(m => m.StoredName).HasMaxLength(80);
            e.Property(m => m.OriginalName).HasMaxLength(260);
            e.Property(m => m.ContentType).HasMaxLength(50);
            e.Property(m => m.Alt).HasMaxLength(300);
            e.Property(m => m.UploadedBy).HasMaxLength(200);
            e.Property(m => m.SearchText).HasMaxLength(600);
            e.Ignore(m => m.Url);
            e.Ignore(m => m.IsImage);
            e.HasIndex(m => m.StoredName).IsUnique();
        });
        modelBuilder.Entity<MediaBlob>(e =>
        {
            e.ToTable("Content_MediaBlobs");
            e.HasKey(b => b.StoredName);
            e.Property(b => b.StoredName).HasMaxLength(80);
        });
        modelBuilder.Entity<TerritorialKit>(e =>
        {
            e.ToTable("Content_TerritorialKits");
            e.HasKey(k => k.DepartementCode);
            e.Property(k => k.DepartementCode).HasMaxLength(3);
            e.Property(k => k.UpdatedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<KitContact>(e =>
        {
            e.ToTable("Content_KitContacts");
            e.Property(c => c.DepartementCode).HasMaxLength(3);
            e.Property(c => c.Structure).HasMaxLength(30);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Email).HasMaxLength(200);
            e.Property(c => c.Phone).HasMaxLength(30);
            e.Property(c => c.Address).HasMaxLength(300);
            e.HasIndex(c => c.DepartementCode);
        });
    }
}
