namespace Plan10000.Portal.Abstractions.Events.Clubs;

/// <summary>Published after a club is created, validated or changes its animators or members.</summary>
public sealed record ClubChanged(Guid ClubId);

/// <summary>Published after a meeting of a club is scheduled, edited, cancelled, registered for or reported on.</summary>
public sealed record MeetingChanged(Guid ClubId, Guid MeetingId);
