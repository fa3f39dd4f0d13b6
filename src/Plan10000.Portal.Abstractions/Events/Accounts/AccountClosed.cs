namespace Plan10000.Portal.Abstractions.Events.Accounts;

/// <summary>Published after an account is deleted at its owner's request: modules drop or anonymise what points to it.</summary>
public sealed record AccountClosed(string UserId, string Email);
