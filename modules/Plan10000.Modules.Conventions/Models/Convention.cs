namespace Plan10000.Modules.Conventions.Models;

internal enum ConventionKind
{
    /// <summary>Convention État–club: drafted from the members' fiches navettes, figures frozen at signature.</summary>
    StateClub = 0,

    /// <summary>Pacte avec les quartiers pour toutes les entreprises: triennial, State–company, objectives per axis.</summary>
    Paqte = 1,

    /// <summary>« Charte entreprises et quartiers », recorded to track its transition to a PAQTE.</summary>
    LegacyCharter = 2,
}

/// <summary>
/// Stored: Draft or Signed (and Ended when terminated early). Active and Ended follow from the validity dates:
/// <see cref="Convention.StatusOn"/> gives the status a reader sees.
/// </summary>
internal enum ConventionStatus
{
    Draft = 0,
    Signed = 1,
    Active = 2,
    Ended = 3,
}

internal enum SignatorySide
{
    /// <summary>The club's animators or the company's representative.</summary>
    Partner = 0,

    /// <summary>The préfet or the State referent.</summary>
    State = 1,
}

/// <summary>The four axes of the PAQTE (circular of the programme).</summary>
internal enum PaqteAxis
{
    Sensibiliser = 1,
    Former = 2,
    Recruter = 3,
    Acheter = 4,
}

internal sealed class Convention
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public ConventionKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string DepartementCode { get; set; } = "";

    /// <summary>State–club: the club (plain id of the Clubs module).</summary>
    public Guid? ClubId { get; set; }

    /// <summary>PAQTE and charter: the company (plain id of the Companies module).</summary>
    public Guid? CompanyId { get; set; }

    /// <summary>The club's or company's name when the convention was drafted, for lists and the document.</summary>
    public string PartyName { get; set; } = "";

    public ConventionStatus Status { get; set; }

    /// <summary>First and last day of validity (dates at midnight, UTC kind); null while the draft has none.</summary>
    public DateTime? StartsOn { get; set; }

    public DateTime? EndsOn { get; set; }

    /// <summary>State–club: the themes the club commits on, « ; »-separated numbers.</summary>
    public string ThemeNumeros { get; set; } = "";

    /// <summary>Preamble and commitments of the parties, plain text.</summary>
    public string Body { get; set; } = "";

    /// <summary>PAQTE: a small or medium company may keep only some axes.</summary>
    public bool IsSme { get; set; }

    public DateTime? SignedAtUtc { get; set; }

    public string? SignedBy { get; set; }

    /// <summary>Charter: the PAQTE that followed it, and when.</summary>
    public Guid? TransitionConventionId { get; set; }

    public DateTime? TransitionedOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public bool IsDemo { get; set; }

    public List<Signatory> Signatories { get; set; } = [];

    public List<ConventionFigure> Figures { get; set; } = [];

    public List<Amendment> Amendments { get; set; } = [];

    public List<PaqteObjective> Objectives { get; set; } = [];

    public IReadOnlyList<int> Themes => [.. ThemeNumeros.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];

    public ConventionStatus StatusOn(DateTime today) => Status switch
    {
        ConventionStatus.Draft => ConventionStatus.Draft,
        ConventionStatus.Ended => ConventionStatus.Ended,
        _ when EndsOn is { } end && today.Date > end => ConventionStatus.Ended,
        _ when StartsOn is { } start && today.Date >= start => ConventionStatus.Active,
        _ => ConventionStatus.Signed,
    };
}

internal sealed class Signatory
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConventionId { get; set; }

    public SignatorySide Side { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Qualité: « Préfet de l’Aube », « Animatrice du club »...</summary>
    public string Quality { get; set; } = "";

    public DateTime SignedOn { get; set; }
}

/// <summary>
/// A row of the figures frozen at signature: with a null <see cref="Unit"/> the theme's totals (commitments,
/// companies), otherwise the sum of the quantified intentions in that unit. Never recomputed once written.
/// </summary>
internal sealed class ConventionFigure
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConventionId { get; set; }

    public int ThemeNumero { get; set; }

    public string? Unit { get; set; }

    public int Commitments { get; set; }

    public int Companies { get; set; }

    public long Quantity { get; set; }
}

/// <summary>Avenant: numbered, dated, may move the end of validity; the history is the list of them.</summary>
internal sealed class Amendment
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConventionId { get; set; }

    public int Number { get; set; }

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime SignedOn { get; set; }

    /// <summary>The end of validity before the amendment moved it; null when it kept it.</summary>
    public DateTime? PreviousEndsOn { get; set; }

    public DateTime? NewEndsOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";
}

/// <summary>A PAQTE key indicator for one year: its target and, once followed up, its result.</summary>
internal sealed class PaqteObjective
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ConventionId { get; set; }

    public PaqteAxis Axis { get; set; }

    public string Indicator { get; set; } = "";

    public int Year { get; set; }

    public int Target { get; set; }

    public int? Result { get; set; }
}

/// <summary>What the referent types for the six-monthly PAQTE report of a département (circular's format).</summary>
internal sealed class DepartementReport
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string DepartementCode { get; set; } = "";

    public int Year { get; set; }

    /// <summary>1 for January–June, 2 for July–December.</summary>
    public int Half { get; set; }

    public string ReferentContact { get; set; } = "";

    public string FollowUpOrganisation { get; set; } = "";

    public string PartnerAssociations { get; set; } = "";

    public string Examples { get; set; } = "";

    /// <summary>The strategy chosen and the obstacles met (the circular asks for both in every report).</summary>
    public string StrategyAndObstacles { get; set; } = "";

    public int? QpvCount { get; set; }

    public int? PruCount { get; set; }

    public int? QpvPopulation { get; set; }

    public int? DefmInQpv { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = "";
}
