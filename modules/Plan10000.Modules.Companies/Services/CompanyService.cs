using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Companies.Data;
using Plan10000.Modules.Companies.Models;
using Plan10000.Portal.Abstractions.Events;
using Plan10000.Portal.Abstractions.Events.Companies;

namespace Plan10000.Modules.Companies.Services;

/// <summary>Writes companies and their fiche navette; keeps the search column and the versions in step with every save.</summary>
internal sealed class CompanyService(CompaniesDbContext db, TimeProvider clock, IEventPublisher events)
{
    /// <summary>
    /// A SIREN is taken while a company with it is pending or approved; a rejected or withdrawn sign-up frees it,
    /// so nobody can squat a company's number by registering it first.
    /// </summary>
    internal Task<bool> SirenExistsAsync(string siren, CancellationToken cancellationToken)
        => Active(db.Companies).AnyAsync(c => c.Siren == siren, cancellationToken);

    internal static IQueryable<Company> Active(IQueryable<Company> companies)
        => companies.Where(c => c.Status != CompanyStatus.Rejected && c.Status != CompanyStatus.Withdrawn);

    internal async Task<Company> RegisterAsync(SignupData data, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var siret = Siret.Normalize(data.Siret);
        var company = new Company
        {
            Siren = siret[..9],
            Siret = siret,
            Name = data.Name.Trim(),
            SizeCode = data.SizeCode,
            SectorCode = data.SectorCode,
            Address = data.Address.Trim(),
            Postcode = data.Postcode.Trim(),
            City = data.City.Trim(),
            DepartementCode = Postcode.Departement(data.Postcode.Trim()) ?? "",
            Website = string.IsNullOrWhiteSpace(data.Website) ? null : data.Website.Trim(),
            NafCode = NafCode.Normalize(data.NafCode),
            Status = CompanyStatus.Pending,
            CreatedAt = now,
            Charter = new CharterSignature
            {
                SignerName = data.SignerName.Trim(),
                SignerRole = data.SignerRole.Trim(),
                SignedAt = now,
                CharterId = data.CharterId,
                CharterVersion = data.CharterVersion,
            },
        };
        company.Slug = await UniqueSlugAsync(company.Name, cancellationToken);
        SetConsents(company, data.Consents, now);
        SetCommitments(company, data.Commitments);
        db.Companies.Add(company);
        AddVersion(company, userId, now);
        RefreshSearchText(company);
        await db.SaveChangesAsync(cancellationToken);
        return company;
    }

    /// <summary>Adds a line to the fiche navette; every change of the fiche is a new version.</summary>
    internal async Task AddCommitmentAsync(Company company, CommitmentData line, string userId, CancellationToken cancellationToken)
    {
        var commitment = ToEntity(company, line, company.Commitments.Count == 0 ? 1 : company.Commitments.Max(c => c.Position) + 1);
        company.Commitments.Add(commitment);
        db.Commitments.Add(commitment);
        await SaveFicheVersionAsync(company, userId, cancellationToken);
    }

    internal async Task RemoveCommitmentAsync(Company company, Commitment commitment, string userId, CancellationToken cancellationToken)
    {
        company.Commitments.Remove(commitment);
        db.Commitments.Remove(commitment);
        await SaveFicheVersionAsync(company, userId, cancellationToken);
    }

    internal async Task SaveFicheVersionAsync(Company company, string userId, CancellationToken cancellationToken)
    {
        company.FicheVersion++;
        AddVersion(company, userId, clock.GetUtcNow());
        RefreshSearchText(company);
        await db.SaveChangesAsync(cancellationToken);
        await EditedAsync(company, cancellationToken);
    }

    /// <summary>Announces a saved change of what the company shows, so public pages showing it are rebuilt.</summary>
    internal Task EditedAsync(Company company, CancellationToken cancellationToken)
        => company.Status == CompanyStatus.Approved
            ? events.PublishAsync(new CompanyEdited(company.Id, company.DepartementCode), cancellationToken)
            : Task.CompletedTask;

    internal static void SetConsents(Company company, IEnumerable<string> granted, DateTimeOffset now)
    {
        var set = granted.ToHashSet(StringComparer.Ordinal);
        foreach (var (item, _) in PublicationItems.Labels)
        {
            var consent = company.Consents.FirstOrDefault(c => c.Item == item);
            if (consent is null)
            {
                consent = new PublicationConsent { CompanyId = company.Id, Item = item };
                company.Consents.Add(consent);
            }
            else if (consent.Granted == set.Contains(item))
            {
                continue;
            }

            consent.Granted = set.Contains(item);
            consent.AnsweredAt = now;
            consent.TextVersion = PublicationItems.TextVersion;
        }
    }

    /// <summary>Only what the company agreed to publish is searchable, so a search never reveals an unpublished word.</summary>
    internal static void RefreshSearchText(Company company)
    {
        var parts = new List<string> { company.Name };
        if (company.Publishes(PublicationItems.Commitments))
        {
            parts.AddRange(company.Commitments.Select(c => c.Description));
        }

        var text = TextNormalizer.Fold(string.Join(' ', parts));
        company.SearchText = text.Length > 4000 ? text[..4000] : text;
    }

    internal static string JoinPublics(IEnumerable<string> codes) => ";" + string.Join(';', codes) + ";";

    private static void SetCommitments(Company company, List<CommitmentData> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            company.Commitments.Add(ToEntity(company, lines[i], i + 1));
        }

        company.FicheVersion++;
    }

    private static Commitment ToEntity(Company company, CommitmentData line, int position) => new()
    {
        CompanyId = company.Id,
        Position = position,
        ThemeNumero = line.ThemeNumero,
        PublicCodes = JoinPublics(line.Publics),
        Description = line.Description.Trim(),
        IntentionQuantity = line.IntentionQuantity,
        IntentionUnit = string.IsNullOrWhiteSpace(line.IntentionUnit) ? null : line.IntentionUnit.Trim(),
        IntentionYear = line.IntentionYear,
    };

    private void AddVersion(Company company, string userId, DateTimeOffset now)
        => db.FicheVersions.Add(new FicheNavetteVersion
        {
            CompanyId = company.Id,
            Number = company.FicheVersion,
            CreatedAt = now,
            CreatedBy = userId,
            CommitmentsJson = JsonSerializer.Serialize(company.Commitments.Select(c => new CommitmentData(c.ThemeNumero, c.Publics, c.Description, c.IntentionQuantity, c.IntentionUnit, c.IntentionYear))),
        });

    private async Task<string> UniqueSlugAsync(string name, CancellationToken cancellationToken)
    {
        var root = TextNormalizer.Slug(name);
        if (root.Length == 0)
        {
            root = "entreprise";
        }

        var slug = root;
        for (var n = 2; await db.Companies.AnyAsync(c => c.Slug == slug, cancellationToken); n++)
        {
            slug = $"{root}-{n}";
        }

        return slug;
    }
}
