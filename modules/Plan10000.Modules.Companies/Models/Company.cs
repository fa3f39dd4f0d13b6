namespace Plan10000.Modules.Companies.Models;

internal enum CompanyStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Withdrawn = 3,
}

internal sealed class Company
{
    /// <summary>
    /// Drawn when first read rather than in an initializer: EF Core builds this object for every row it reads, and a
    /// random Guid per row was a tenth of a showcase page's CPU. EF Core reads and writes the field directly.
    /// </summary>
    public Guid Id { get => _id == Guid.Empty ? _id = Guid.NewGuid() : _id; set => _id = value; }

    private Guid _id;

    public string Siren { get; set; } = "";

    public string Siret { get; set; } = "";

    public string Name { get; set; } = "";

    public string Slug { get; set; } = "";

    /// <summary>Codes of the Referentials module kept as plain values: no cross-module foreign key.</summary>
    public string SizeCode { get; set; } = "";

    public string SectorCode { get; set; } = "";

    public string Address { get; set; } = "";

    public string Postcode { get; set; } = "";

    public string City { get; set; } = "";

    public string DepartementCode { get; set; } = "";

    public string? Website { get; set; }

    /// <summary>Activité principale (NAF rév. 2) in its canonical form « 62.01Z »; optional, proposed by the Sirene register at sign-up.</summary>
    public string? NafCode { get; set; }

    public CompanyStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>
    /// UTC, the last change of what the company shows (identity, decision, consents, fiche navette), stamped by
    /// <see cref="Data.CompaniesDbContext"/> on save. A DateTime rather than a DateTimeOffset so that SQLite can compare and sort it.
    /// </summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// Approved and agreed to show its name: the one condition of every public list, kept by
    /// <see cref="Data.CompaniesDbContext"/> on save so that a count or a deep page reads one index instead of joining
    /// the consents of 10,000 companies (ADR 0033).
    /// </summary>
    public bool IsListed { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>Set once the decision mail went out to every address of the company (each address is tracked in DecisionMail).</summary>
    public DateTimeOffset? DecisionNotifiedAt { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>The dedicated State contact (« interlocuteur dédié »): the account id of a referent of the company's département.</summary>
    public string? ContactUserId { get; set; }

    /// <summary>
    /// Lower-case, accent-free text of the published fields only, kept on save, so that a plain
    /// « contains » finds « Société Générale » from « societe » on SQLite as on PostgreSQL.
    /// </summary>
    public string SearchText { get; set; } = "";

    public CharterSignature Charter { get; set; } = new();

    public int FicheVersion { get; set; }

    public List<Commitment> Commitments { get; set; } = [];

    public List<PublicationConsent> Consents { get; set; } = [];

    /// <summary>A UTC column read back: SQLite and SQL Server give it no kind.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public bool Publishes(string item) => Consents.Any(c => c.Item == item && c.Granted);
}

/// <summary>The charter as the company signed it; the charter's id and version are copied so a later edit of the charter never changes what was signed.</summary>
internal sealed class CharterSignature
{
    public string SignerName { get; set; } = "";

    public string SignerRole { get; set; } = "";

    public DateTimeOffset SignedAt { get; set; }

    public string CharterId { get; set; } = "";

    public int CharterVersion { get; set; }
}

/// <summary>One line of the fiche navette.</summary>
internal sealed class Commitment
{
    /// <summary>Drawn when first read (see <see cref="Company.Id"/>).</summary>
    public Guid Id { get => _id == Guid.Empty ? _id = Guid.NewGuid() : _id; set => _id = value; }

    private Guid _id;

    public Guid CompanyId { get; set; }

    public int Position { get; set; }

    public int ThemeNumero { get; set; }

    /// <summary>Public codes separated by « ; »; small and read with the line, so no join table.</summary>
    public string PublicCodes { get; set; } = "";

    public string Description { get; set; } = "";

    public int? IntentionQuantity { get; set; }

    public string? IntentionUnit { get; set; }

    public int? IntentionYear { get; set; }

    public int? ResultQuantity { get; set; }

    public string? ResultComment { get; set; }

    public DateTimeOffset? ResultReportedAt { get; set; }

    public IReadOnlyList<string> Publics => PublicCodes.Split(';', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A company's answer for one publication item, with the wording it answered.</summary>
internal sealed class PublicationConsent
{
    /// <summary>Drawn when first read (see <see cref="Company.Id"/>).</summary>
    public Guid Id { get => _id == Guid.Empty ? _id = Guid.NewGuid() : _id; set => _id = value; }

    private Guid _id;

    public Guid CompanyId { get; set; }

    public string Item { get; set; } = "";

    public bool Granted { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }

    public string TextVersion { get; set; } = "";
}

/// <summary>Each submission of the fiche navette, kept whole so that what was declared on a date can be shown later.</summary>
internal sealed class FicheNavetteVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CompanyId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public string CommitmentsJson { get; set; } = "";
}

/// <summary>The sign-up in progress, keyed to the signed-in account, so a visitor can leave and come back.</summary>
internal sealed class SignupDraft
{
    public string UserId { get; set; } = "";

    public int Step { get; set; }

    public string PayloadJson { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An account asking to join a company already registered (same SIREN); a member of that company accepts it.</summary>
internal sealed class JoinRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CompanyId { get; set; }

    public string UserId { get; set; } = "";

    public string Email { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }
}
