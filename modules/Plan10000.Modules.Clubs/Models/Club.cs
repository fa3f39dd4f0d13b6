namespace Plan10000.Modules.Clubs.Models;

internal enum ClubStatus
{
    /// <summary>Proposed by an animator, waiting for a referent of the département.</summary>
    Proposed = 0,
    Active = 1,
    Closed = 2,
}

internal enum MembershipStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    Left = 3,
}

internal sealed class Club
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Code of the Referentials module kept as a plain value.</summary>
    public string DepartementCode { get; set; } = "";

    /// <summary>The State referent contact(s), as they should be read by the members (names, services, addresses).</summary>
    public string ReferentContacts { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    public ClubStatus Status { get; set; }

    /// <summary>UTC; DateTime rather than DateTimeOffset so SQLite can sort on it.</summary>
    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public string? ValidatedBy { get; set; }

    public bool IsDemo { get; set; }

    public List<ClubAnimator> Animators { get; set; } = [];
}

/// <summary>An account of the Accounts module (plain id) animating the club; the club scope claim is granted through IAccountProvisioning.</summary>
internal sealed class ClubAnimator
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ClubId { get; set; }

    public string UserId { get; set; } = "";

    public string Email { get; set; } = "";
}

/// <summary>A company (plain id of the Companies module) asking to join, member, or gone.</summary>
internal sealed class ClubMembership
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ClubId { get; set; }

    public Guid CompanyId { get; set; }

    public MembershipStatus Status { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    public DateTime? DecidedAtUtc { get; set; }
}

internal sealed class Meeting
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ClubId { get; set; }

    public string Title { get; set; } = "";

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    public string? Place { get; set; }

    public string? VideoUrl { get; set; }

    /// <summary>Ordre du jour.</summary>
    public string Agenda { get; set; } = "";

    public int Capacity { get; set; }

    /// <summary>Compte rendu; null until filed.</summary>
    public string? Minutes { get; set; }

    public DateTime? MinutesFiledAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set when an animator cancels the meeting; the .ics then says STATUS:CANCELLED.</summary>
    public DateTime? CancelledAtUtc { get; set; }

    /// <summary>iCalendar SEQUENCE: raised at each change so calendars update the event.</summary>
    public int Sequence { get; set; }

    public List<MeetingRegistration> Registrations { get; set; } = [];

    public List<MeetingDecision> Decisions { get; set; } = [];
}

internal sealed class MeetingRegistration
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MeetingId { get; set; }

    public Guid CompanyId { get; set; }

    public DateTime RegisteredAtUtc { get; set; }

    /// <summary>Filled with the minutes: null until then.</summary>
    public bool? Attended { get; set; }
}

internal sealed class MeetingDecision
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MeetingId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>When the decision commits a company: the company and the commitment created on its fiche navette.</summary>
    public Guid? CompanyId { get; set; }

    public int? ThemeNumero { get; set; }

    public Guid? CommitmentId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
