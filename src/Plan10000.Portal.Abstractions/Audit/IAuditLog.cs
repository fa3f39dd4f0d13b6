using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Portal.Abstractions.Audit;

public sealed record AuditEntry(long Id, DateTimeOffset At, string? UserId, string? UserName, string Action, string? Target, string? Details, string? IpAddress);

public sealed record AuditQuery(string? Action = null, string? User = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Page = 1, int PageSize = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int PageCount => Paging.CountPages(Total, PageSize);
}

/// <summary>Who did what, when: security events and back-office changes. The current user and address come from the request.</summary>
public interface IAuditLog
{
    Task RecordAsync(string action, string? target = null, string? details = null, CancellationToken cancellationToken = default);

    /// <summary>For events where the request has no signed-in user yet (a failed sign-in, a lockout).</summary>
    Task RecordForAsync(string? userId, string? userName, string action, string? target = null, string? details = null, CancellationToken cancellationToken = default);

    Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>The action names recorded so far, sorted: modules record their own names, so the journal's filter offers what exists.</summary>
    Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> ForUserAsync(string userId, CancellationToken cancellationToken = default);

    Task<int> PurgeOlderThanAsync(DateTimeOffset limit, CancellationToken cancellationToken = default);
}

/// <summary>Action names kept stable for filtering; labels are French.</summary>
public static class AuditActions
{
    public const string SignIn = "connexion";
    public const string SignInFailed = "connexion-echec";
    public const string LockedOut = "compte-verrouille";
    public const string SignOut = "deconnexion";
    public const string UserInvited = "utilisateur-invite";
    public const string UserRegistered = "compte-cree";
    public const string RolesChanged = "roles-modifies";
    public const string ScopesChanged = "perimetres-modifies";
    public const string UserLocked = "utilisateur-bloque";
    public const string UserUnlocked = "utilisateur-debloque";
    public const string PermissionsChanged = "permissions-modifiees";
    public const string SettingsChanged = "parametres-modifies";
    public const string PasswordReset = "mot-de-passe-reinitialise";
    public const string EmailConfirmed = "adresse-confirmee";
    public const string TwoFactorEnabled = "double-authentification-activee";
    public const string TwoFactorDisabled = "double-authentification-desactivee";
    public const string PersonalDataExported = "donnees-exportees";
    public const string AccountClosed = "compte-ferme";
}
