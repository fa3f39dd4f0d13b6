namespace Plan10000.Modules.Indicators.Models;

/// <summary>The circular's three kinds of « indicateurs de pilotage ».</summary>
internal enum IndicatorKind
{
    /// <summary>A national numeric target (e.g. 15 000 quality internship offers a year for REP+ pupils).</summary>
    NationalTarget = 0,

    /// <summary>An ex-ante intention declared by companies and followed over time (e.g. intended apprenticeship hires).</summary>
    Intention = 1,

    /// <summary>A result measured afterwards (e.g. people in IAE pathways hosted for a PMSMP).</summary>
    Result = 2,
}

internal enum Periodicity
{
    Year = 0,
    HalfYear = 1,
    Quarter = 2,
}

/// <summary>Who a value or a submission is about.</summary>
internal enum SubjectKind
{
    Company = 0,
    Club = 1,
    Departement = 2,
}

internal enum SubmissionStatus
{
    ToDo = 0,
    Submitted = 1,
    Reviewed = 2,
    Validated = 3,
}

internal static class Labels
{
    public static string Of(IndicatorKind kind) => kind switch
    {
        IndicatorKind.NationalTarget => "Cible nationale",
        IndicatorKind.Intention => "Intention",
        _ => "Résultat",
    };

    public static string Of(Periodicity periodicity) => periodicity switch
    {
        Periodicity.Year => "Annuelle",
        Periodicity.HalfYear => "Semestrielle",
        _ => "Trimestrielle",
    };

    public static string Of(SubmissionStatus status) => status switch
    {
        SubmissionStatus.ToDo => "À faire",
        SubmissionStatus.Submitted => "Transmise",
        SubmissionStatus.Reviewed => "Examinée",
        _ => "Validée",
    };

    public static string Of(SubjectKind kind) => kind switch
    {
        SubjectKind.Company => "Entreprise",
        SubjectKind.Club => "Club",
        _ => "Département",
    };
}

internal sealed class IndicatorDefinition
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Stable, upper-case, used in the open data (e.g. STAGES_REP_PLUS).</summary>
    public string Code { get; set; } = "";

    public string Label { get; set; } = "";

    /// <summary>Numéro of the Referentials theme (1 to 14).</summary>
    public int ThemeNumero { get; set; }

    public string Unit { get; set; } = "";

    public IndicatorKind Kind { get; set; }

    public Periodicity Periodicity { get; set; }

    /// <summary>The national target for one period, when there is one.</summary>
    public decimal? NationalTarget { get; set; }

    /// <summary>For a result: the intention it realises, so that the realised/intended ratio can be computed.</summary>
    public Guid? IntentionId { get; set; }

    public bool Active { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? UpdatedAtUtc { get; set; }

    public List<DepartementTarget> DepartementTargets { get; set; } = [];
}

internal sealed class DepartementTarget
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid DefinitionId { get; set; }

    public string DepartementCode { get; set; } = "";

    public decimal Target { get; set; }
}

/// <summary>A reporting campaign: one period, an opening and a due date; PAQTE campaigns are half-yearly.</summary>
internal sealed class Campaign
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    /// <summary>« 2026-T2 » for a quarter, « 2026-S1 » for a half-year (see <see cref="Services.Periods"/>).</summary>
    public string Period { get; set; } = "";

    public bool Paqte { get; set; }

    /// <summary>UTC instants of the opening day and of the end of the due day (Paris time).</summary>
    public DateTime OpensAtUtc { get; set; }

    public DateTime DueAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>A company's or a club's report for a campaign; created when first opened, so « no row » reads « to do ».</summary>
internal sealed class Submission
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CampaignId { get; set; }

    public SubjectKind SubjectKind { get; set; }

    /// <summary>The company or club id.</summary>
    public Guid SubjectId { get; set; }

    public string DepartementCode { get; set; } = "";

    public SubmissionStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>One step of a submission's life (to do → submitted → reviewed → validated, or sent back).</summary>
internal sealed class SubmissionTransition
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SubmissionId { get; set; }

    public SubmissionStatus From { get; set; }

    public SubmissionStatus To { get; set; }

    public string ByUserId { get; set; } = "";

    public string? Comment { get; set; }

    public DateTime AtUtc { get; set; }
}

/// <summary>
/// One reported value. Never updated in place: a correction is a new row, and the previous one is marked superseded
/// (<see cref="SupersededById"/>). A value counts in the consolidation once validated (<see cref="ValidatedAtUtc"/>) and
/// until superseded by another validated value; a pending correction leaves the validated one counted.
/// </summary>
internal sealed class IndicatorValue
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid DefinitionId { get; set; }

    public SubjectKind SubjectKind { get; set; }

    /// <summary>The company or club id; the empty Guid for a département value.</summary>
    public Guid SubjectId { get; set; }

    public string DepartementCode { get; set; } = "";

    public string Period { get; set; } = "";

    public decimal Value { get; set; }

    /// <summary>The fiche navette line the value reports on (intention and result of the same commitment share it).</summary>
    public Guid? CommitmentId { get; set; }

    public Guid? SubmissionId { get; set; }

    public string Source { get; set; } = "";

    public string AuthorId { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    public DateTime? ValidatedAtUtc { get; set; }

    public Guid? SupersededById { get; set; }
}

/// <summary>
/// Pre-aggregated validated values per indicator, period and département, rewritten for the touched keys in the same
/// transaction as the validation that changes them: the dashboards read these, never stale.
/// </summary>
internal sealed class DepartementAggregate
{
    public Guid DefinitionId { get; set; }

    public string Period { get; set; } = "";

    public string DepartementCode { get; set; } = "";

    public decimal Total { get; set; }

    /// <summary>How many companies, clubs or département entries contributed.</summary>
    public int Contributors { get; set; }
}
