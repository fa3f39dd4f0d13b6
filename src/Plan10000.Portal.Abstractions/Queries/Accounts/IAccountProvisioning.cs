namespace Plan10000.Portal.Abstractions.Queries.Accounts;

/// <summary>The outcome of an account creation; <see cref="Errors"/> are French, ready to show next to the field.</summary>
public sealed record AccountCreationResult(string? UserId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => UserId is not null;
}

/// <summary>A token proving the holder reads <see cref="Email"/>; single use, for the confirmation link.</summary>
public sealed record EmailConfirmation(string Email, string Token);

/// <summary>
/// An account as other modules may show it (e.g. a company's dedicated State contact). Kept apart from
/// <see cref="AccountContact"/>: it names any holder of a role, confirmed or not, locked or not (a contact already
/// chosen must still show), with the address as name when there is none, and loads no roles or scopes.
/// </summary>
public sealed record AccountInfo(string UserId, string DisplayName, string Email);

/// <summary>An account with its address and scope, for mail jobs (digests, reminders). Roles and scopes as granted.</summary>
public sealed record AccountContact(
    string UserId,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Departements,
    IReadOnlyList<string> Clubs,
    IReadOnlyList<string> Companies);

/// <summary>
/// What other modules may ask of the Accounts module, which owns users: the Companies sign-up creates a company
/// account and links it to its company through the <see cref="Security.ScopeClaims.Company"/> claim.
/// </summary>
public interface IAccountProvisioning
{
    Task<bool> ExistsAsync(string email, CancellationToken cancellationToken);

    /// <summary>Creates an account holding the « Entreprise » role; the address still has to be confirmed.</summary>
    Task<AccountCreationResult> CreateCompanyUserAsync(string email, string displayName, string password, CancellationToken cancellationToken);

    /// <summary>Signs the account in on the current request (right after it was created).</summary>
    Task SignInAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Grants the company scope; refreshes the current sign-in when it is that account, so the claim applies at once.</summary>
    Task AddCompanyScopeAsync(string userId, string companyId, CancellationToken cancellationToken);

    /// <summary>A confirmation token for the account's address; null when the account is gone or already confirmed.</summary>
    Task<EmailConfirmation?> CreateEmailConfirmationAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Checks the token from the link and marks the address confirmed.</summary>
    Task<bool> ConfirmEmailAsync(string userId, string token, CancellationToken cancellationToken);

    /// <summary>The addresses of the accounts holding <paramref name="role"/> with that département in their scope (e.g. the referents to warn of a new sign-up).</summary>
    Task<IReadOnlyList<string>> GetDepartementEmailsAsync(string role, string departementCode, CancellationToken cancellationToken);

    /// <summary>The accounts holding <paramref name="role"/> with that département in their scope, by name (e.g. the referents who may be a company's contact).</summary>
    Task<IReadOnlyList<AccountInfo>> GetDepartementAccountsAsync(string role, string departementCode, CancellationToken cancellationToken);

    /// <summary>The addresses of the accounts scoped to a company, for mail jobs; deactivated (locked) accounts are left out.</summary>
    Task<IReadOnlyList<string>> GetCompanyEmailsAsync(string companyId, CancellationToken cancellationToken);

    /// <summary>The same for many companies in one query (e.g. a club newsletter's audience).</summary>
    Task<IReadOnlyList<string>> GetCompaniesEmailsAsync(IReadOnlyCollection<string> companyIds, CancellationToken cancellationToken);

    /// <summary>The same in one query, by company (e.g. the registered companies of each of tomorrow's meetings); a company without an account is absent.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetEmailsByCompanyAsync(IReadOnlyCollection<string> companyIds, CancellationToken cancellationToken);

    /// <summary>The id of the account holding that address, or null.</summary>
    Task<string?> FindUserIdAsync(string email, CancellationToken cancellationToken);

    /// <summary>Makes the account an animator of the club: the « AnimateurClub » role and the <see cref="Security.ScopeClaims.Club"/> claim.</summary>
    Task AddClubScopeAsync(string userId, string clubId, CancellationToken cancellationToken);

    /// <summary>
    /// Confirmed, unlocked accounts with their address, roles and scopes: those given, or every one when
    /// <paramref name="userIds"/> is null. A handful of queries whatever the number of accounts.
    /// </summary>
    Task<IReadOnlyList<AccountContact>> GetContactsAsync(IReadOnlyCollection<string>? userIds, CancellationToken cancellationToken);
}
