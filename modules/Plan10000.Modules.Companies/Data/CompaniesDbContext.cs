using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Plan10000.Modules.Companies.Models;
using Plan10000.Modules.Companies.Services;
using Plan10000.Portal.Abstractions.Data;

namespace Plan10000.Modules.Companies.Data;

public sealed class CompaniesDbContext(DbContextOptions<CompaniesDbContext> options) : DbContext(options)
{
    internal DbSet<Company> Companies => Set<Company>();

    internal DbSet<Commitment> Commitments => Set<Commitment>();

    internal DbSet<PublicationConsent> Consents => Set<PublicationConsent>();

    internal DbSet<FicheNavetteVersion> FicheVersions => Set<FicheNavetteVersion>();

    internal DbSet<SignupDraft> Drafts => Set<SignupDraft>();

    internal DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();

    internal DbSet<AdministrativeProblem> Problems => Set<AdministrativeProblem>();

    internal DbSet<ProblemMessage> ProblemMessages => Set<ProblemMessage>();

    internal DbSet<IntermediationContact> IntermediationContacts => Set<IntermediationContact>();

    internal DbSet<DecisionMail> DecisionMails => Set<DecisionMail>();

    /// <summary>Columns of a company that no public answer shows: changing them does not date the company.</summary>
    private static readonly HashSet<string> Unshown = [nameof(Company.UpdatedAt), nameof(Company.IsListed), nameof(Company.DecisionNotifiedAt), nameof(Company.DecidedBy), nameof(Company.ContactUserId)];

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
        => SaveStampedAsync(acceptAllChangesOnSuccess, async: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
        => SaveStampedAsync(acceptAllChangesOnSuccess, async: true, cancellationToken);

    /// <summary>
    /// Dates the changed companies and keeps <see cref="Company.IsListed"/>, then saves. One body for both entry points:
    /// with <paramref name="async"/> false nothing awaits, so the synchronous caller gets a finished task.
    /// </summary>
    private async Task<int> SaveStampedAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken cancellationToken)
    {
        var untracked = Stamp(out var now);
        if (untracked.Count > 0)
        {
            var unloaded = Companies.Where(c => untracked.Contains(c.Id));
            foreach (var company in async ? await unloaded.ToListAsync(cancellationToken) : unloaded.ToList())
            {
                company.UpdatedAt = now;
            }
        }

        var listing = Listing();
        if (listing.Unknown.Count == 0)
        {
            listing.Apply([]);
        }
        else
        {
            var granted = GrantedNames(listing.Unknown);
            listing.Apply(async ? [.. await granted.ToListAsync(cancellationToken)] : [.. granted]);
        }

        return async ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Dates every company whose shown data this save changes, itself or through a commitment or a consent, in one place
    /// rather than at each of the many places that edit a company (sign-up, decision, withdrawal, profile, fiche navette,
    /// results, seeds): <c>Last-Modified</c> and the SIRET feed's <c>depuis</c> rely on it (ADR 0030). Returns the ids of
    /// the companies changed through a child row but not loaded, to be loaded and dated by the caller.
    /// </summary>
    private List<Guid> Stamp(out DateTime now)
    {
        now = this.GetService<TimeProvider>().GetUtcNow().UtcDateTime;
        ChangeTracker.DetectChanges();
        var children = new HashSet<Guid>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                // A company created with a date keeps it (seeds of past sign-ups); otherwise it is dated now.
                case Company company when entry.State == EntityState.Added:
                    company.UpdatedAt = company.UpdatedAt == default ? now : company.UpdatedAt;
                    break;
                case Company company when entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !Unshown.Contains(p.Metadata.Name)):
                    company.UpdatedAt = now;
                    break;
                case Commitment commitment:
                    children.Add(commitment.CompanyId);
                    break;
                case PublicationConsent consent:
                    children.Add(consent.CompanyId);
                    break;
            }
        }

        var untracked = new List<Guid>();
        var companies = children.Count == 0 ? [] : ChangeTracker.Entries<Company>().ToDictionary(e => e.Entity.Id);
        foreach (var id in children)
        {
            if (companies.GetValueOrDefault(id) is { } tracked)
            {
                if (tracked.State is EntityState.Modified or EntityState.Unchanged)
                {
                    tracked.Entity.UpdatedAt = now;
                }
            }
            else if (id != Guid.Empty)
            {
                untracked.Add(id);
            }
        }

        return untracked;
    }

    private IQueryable<Guid> GrantedNames(List<Guid> companies)
        => Consents.AsNoTracking().Where(x => companies.Contains(x.CompanyId) && x.Item == PublicationItems.Name && x.Granted).Select(x => x.CompanyId);

    /// <summary>
    /// <see cref="Company.IsListed"/> of every company this save may list or unlist: added or edited, or whose name
    /// consent changes (the companies changed through a child row are loaded by then). The tracked name consents answer
    /// first; the companies left (an approval without its consents loaded) are asked of the database by the caller.
    /// </summary>
    private ListingChange Listing()
    {
        var names = new Dictionary<Guid, bool>();
        foreach (var entry in ChangeTracker.Entries<PublicationConsent>().Where(e => e.Entity.Item == PublicationItems.Name))
        {
            names[entry.Entity.CompanyId] = entry.State != EntityState.Deleted && entry.Entity.Granted;
        }

        var changedNames = ChangeTracker.Entries<PublicationConsent>()
            .Where(e => e.Entity.Item == PublicationItems.Name && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.CompanyId).ToHashSet();
        var companies = ChangeTracker.Entries<Company>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified || (e.State == EntityState.Unchanged && changedNames.Contains(e.Entity.Id)))
            .Select(e => e.Entity).ToList();
        return new ListingChange(companies, names);
    }

    private sealed class ListingChange(List<Company> companies, Dictionary<Guid, bool> names)
    {
        public List<Guid> Unknown { get; } = [.. companies.Where(c => c.Status == CompanyStatus.Approved && !names.ContainsKey(c.Id)).Select(c => c.Id)];

        public void Apply(HashSet<Guid> grantedInDatabase)
        {
            foreach (var company in companies)
            {
                var listed = company.Status == CompanyStatus.Approved
                    && (names.TryGetValue(company.Id, out var granted) ? granted : grantedInDatabase.Contains(company.Id));
                if (company.IsListed != listed)
                {
                    company.IsListed = listed;
                }
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // ifnull(x, x) is x, but no index answers it: see CompanyTextSearch.Unindexed.
        modelBuilder.HasDbFunction(typeof(CompanyTextSearch).GetMethod(nameof(CompanyTextSearch.Unindexed))!)
            .HasTranslation(args => new SqlFunctionExpression(
                "ifnull", [args[0], args[0]], nullable: false, argumentsPropagateNullability: [false, false], typeof(Guid), args[0].TypeMapping));

        modelBuilder.Entity<Company>(e =>
        {
            e.ToTable("Companies_Companies");
            e.HasKey(c => c.Id);
            e.Property(c => c.Siren).HasMaxLength(9);
            e.Property(c => c.Siret).HasMaxLength(14);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Slug).HasMaxLength(100);
            e.Property(c => c.SizeCode).HasMaxLength(30);
            e.Property(c => c.SectorCode).HasMaxLength(30);
            e.Property(c => c.Address).HasMaxLength(300);
            e.Property(c => c.Postcode).HasMaxLength(5);
            e.Property(c => c.City).HasMaxLength(100);
            e.Property(c => c.DepartementCode).HasMaxLength(3);
            e.Property(c => c.Website).HasMaxLength(300);
            e.Property(c => c.NafCode).HasMaxLength(6);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(c => c.StatusReason).HasMaxLength(1000);
            e.Property(c => c.DecidedBy).HasMaxLength(450);
            e.Property(c => c.ContactUserId).HasMaxLength(450);
            e.Property(c => c.SearchText).HasMaxLength(4000);
            e.OwnsOne(c => c.Charter, charter =>
            {
                charter.Property(s => s.SignerName).HasColumnName("CharterSignerName").HasMaxLength(200);
                charter.Property(s => s.SignerRole).HasColumnName("CharterSignerRole").HasMaxLength(200);
                charter.Property(s => s.SignedAt).HasColumnName("CharterSignedAt");
                charter.Property(s => s.CharterId).HasColumnName("CharterId").HasMaxLength(100);
                charter.Property(s => s.CharterVersion).HasColumnName("CharterVersion");
            });
            e.Navigation(c => c.Charter).IsRequired();
            // One company per SIREN: the sign-up offers to join the existing one instead.
            // Not unique: a rejected or withdrawn sign-up must not keep the SIREN from its real owner (CompanyService.SirenExistsAsync).
            e.HasIndex(c => c.Siren);
            e.HasIndex(c => c.Slug).IsUnique();
            // Filtered by département and listed by name: SQLite otherwise walked the name index over every company (ADR 0022).
            e.HasIndex(c => new { c.Status, c.DepartementCode, c.Name, c.Id });
            // The showcase lists approved companies by name: with this index the first pages stop after 20 rows instead of sorting them all.
            e.HasIndex(c => new { c.Status, c.Name, c.Id });
            // Lists are dated by their latest change (ADR 0030).
            e.HasIndex(c => c.UpdatedAt);
            // Every public list: count, key of a deep page and page read these alone (ADR 0033). Partial, because SQLite
            // compares a bare boolean predicate (what EF Core writes for IsListed) with an index's WHERE, not with its columns.
            var listed = Database.ProviderName == ProviderNames.SqlServer ? "[IsListed] = 1" : "\"IsListed\"";
            // The flag last as well, so that the index covers the query's own mention of it.
            e.HasIndex(c => new { c.Name, c.Id, c.IsListed }, "IX_Companies_Companies_Listed_Name_Id").HasFilter(listed);
            e.HasIndex(c => new { c.DepartementCode, c.Name, c.Id, c.IsListed }, "IX_Companies_Companies_Listed_DepartementCode_Name_Id").HasFilter(listed);
            // The SIRET feed lists the listed companies by SIRET (ADR 0030): its pages are a range of this index.
            e.HasIndex(c => new { c.Siret, c.Id, c.IsListed }, "IX_Companies_Companies_Listed_Siret_Id").HasFilter(listed);
            e.HasMany(c => c.Commitments).WithOne().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Consents).WithOne().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Commitment>(e =>
        {
            e.ToTable("Companies_Commitments");
            e.HasKey(c => c.Id);
            e.Ignore(c => c.Publics);
            e.Property(c => c.PublicCodes).HasMaxLength(300);
            e.Property(c => c.Description).HasMaxLength(2000);
            e.Property(c => c.IntentionUnit).HasMaxLength(100);
            e.Property(c => c.ResultComment).HasMaxLength(2000);
            e.HasIndex(c => new { c.CompanyId, c.Position });
            // The theme filter is « this company has a commitment on theme n »: an index led by ThemeNumero made SQLite scan
            // ~7,000 commitments per company (16 s for a filtered page at 10,000 companies); this one is a direct lookup.
            e.HasIndex(c => new { c.CompanyId, c.ThemeNumero });
        });
        modelBuilder.Entity<PublicationConsent>(e =>
        {
            e.ToTable("Companies_Consents");
            e.HasKey(c => c.Id);
            e.Property(c => c.Item).HasMaxLength(30);
            e.Property(c => c.TextVersion).HasMaxLength(50);
            e.HasIndex(c => new { c.CompanyId, c.Item }).IsUnique();
            // The showcase's « listed » set (name consent granted) read once as a list of ids instead of one lookup per company (ADR 0022).
            e.HasIndex(c => new { c.Item, c.Granted, c.CompanyId });
        });
        modelBuilder.Entity<FicheNavetteVersion>(e =>
        {
            e.ToTable("Companies_FicheVersions");
            e.HasKey(v => v.Id);
            e.Property(v => v.CreatedBy).HasMaxLength(450);
            e.HasIndex(v => new { v.CompanyId, v.Number }).IsUnique();
            e.HasOne<Company>().WithMany().HasForeignKey(v => v.CompanyId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<JoinRequest>(e =>
        {
            e.ToTable("Companies_JoinRequests");
            e.HasKey(r => r.Id);
            e.Property(r => r.UserId).HasMaxLength(450);
            e.Property(r => r.Email).HasMaxLength(256);
            e.HasIndex(r => new { r.CompanyId, r.UserId }).IsUnique();
            e.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AdministrativeProblem>(e =>
        {
            e.ToTable("Companies_Problems");
            e.HasKey(p => p.Id);
            e.Property(p => p.DepartementCode).HasMaxLength(3);
            e.Property(p => p.Subject).HasMaxLength(200);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
            e.HasIndex(p => new { p.DepartementCode, p.Status, p.UpdatedAt });
            e.HasIndex(p => new { p.CompanyId, p.UpdatedAt });
            e.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Messages).WithOne().HasForeignKey(m => m.ProblemId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProblemMessage>(e =>
        {
            e.ToTable("Companies_ProblemMessages");
            e.HasKey(m => m.Id);
            e.Property(m => m.AuthorUserId).HasMaxLength(450);
            e.Property(m => m.AuthorName).HasMaxLength(200);
            e.Property(m => m.Text).HasMaxLength(4000);
            e.HasIndex(m => new { m.ProblemId, m.CreatedAt });
        });
        modelBuilder.Entity<IntermediationContact>(e =>
        {
            e.ToTable("Companies_IntermediationContacts");
            e.HasKey(c => c.Id);
            e.Property(c => c.ActorUserId).HasMaxLength(450);
            e.Property(c => c.Organisation).HasMaxLength(200);
            e.Property(c => c.ContactName).HasMaxLength(200);
            e.Property(c => c.Offer).HasMaxLength(2000);
            e.HasIndex(c => new { c.CompanyId, c.ContactedOn });
            e.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DecisionMail>(e =>
        {
            e.ToTable("Companies_DecisionMails");
            e.HasKey(m => m.Id);
            e.Property(m => m.Decision).HasConversion<string>().HasMaxLength(12);
            e.Property(m => m.Email).HasMaxLength(256);
            e.HasIndex(m => new { m.CompanyId, m.Decision, m.Email }).IsUnique();
            e.HasOne<Company>().WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SignupDraft>(e =>
        {
            e.ToTable("Companies_SignupDrafts");
            e.HasKey(d => d.UserId);
            e.Property(d => d.UserId).HasMaxLength(450);
        });
    }
}
