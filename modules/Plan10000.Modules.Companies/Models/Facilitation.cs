namespace Plan10000.Modules.Companies.Models;

internal enum ProblemStatus
{
    Open = 0,
    InProgress = 1,
    Resolved = 2,
}

/// <summary>
/// An administrative problem a company asks the State to help with (the circular's « État facilitateur »), followed as
/// a short thread. The département is copied from the company so a referent's list filters on one column.
/// </summary>
internal sealed class AdministrativeProblem
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CompanyId { get; set; }

    public string DepartementCode { get; set; } = "";

    public string Subject { get; set; } = "";

    public ProblemStatus Status { get; set; }

    /// <summary>UTC, so lists sort on it on every provider.</summary>
    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<ProblemMessage> Messages { get; set; } = [];

    public static string StatusLabel(ProblemStatus status) => status switch
    {
        ProblemStatus.Open => "Ouvert",
        ProblemStatus.InProgress => "En cours",
        _ => "Résolu",
    };
}

/// <summary>One message of a problem's thread; the author's name is kept as written, so the thread reads the same later.</summary>
internal sealed class ProblemMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ProblemId { get; set; }

    public string AuthorUserId { get; set; } = "";

    public string AuthorName { get; set; } = "";

    /// <summary>True when a referent (the State) wrote it, false when the company did.</summary>
    public bool FromState { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Set once the other side was told by mail, so a retried job never mails twice.</summary>
    public DateTime? NotifiedAt { get; set; }
}

/// <summary>An intermediation actor (Pôle emploi, mission locale, Cap emploi, SIAE, EA...) contacted a company about one of its commitments.</summary>
internal sealed class IntermediationContact
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CompanyId { get; set; }

    public Guid CommitmentId { get; set; }

    public string ActorUserId { get; set; } = "";

    /// <summary>Who contacted the company: the organisation and the person, as the actor typed them.</summary>
    public string Organisation { get; set; } = "";

    public string ContactName { get; set; } = "";

    /// <summary>The day of the contact (UTC midnight of the date typed).</summary>
    public DateTime ContactedOn { get; set; }

    /// <summary>What the actor offered (candidates, a job dating, a supported contract...).</summary>
    public string Offer { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}

/// <summary>One decision mail sent to one address: a retried job skips the addresses already served and sends to the others.</summary>
internal sealed class DecisionMail
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CompanyId { get; set; }

    public CompanyStatus Decision { get; set; }

    public string Email { get; set; } = "";

    public DateTime SentAt { get; set; }
}
