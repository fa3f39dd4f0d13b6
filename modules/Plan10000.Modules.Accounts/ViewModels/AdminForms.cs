using System.ComponentModel.DataAnnotations;
using Plan10000.Portal.Abstractions.Ui;

namespace Plan10000.Modules.Accounts.ViewModels;

public sealed record UserRow(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Departements, bool Confirmed, bool Locked, bool TwoFactor);

public sealed record UserListViewModel(IReadOnlyList<UserRow> Users, int Total, string? Query, string? Role, PaginationModel Pagination);

public sealed class UserForm
{
    public string? Id { get; set; }

    [Required(ErrorMessage = "Saisissez l’adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.gouv.fr.")]
    [StringLength(256, ErrorMessage = "L’adresse ne peut pas dépasser 256 caractères.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Saisissez le nom.")]
    [StringLength(200, ErrorMessage = "Le nom ne peut pas dépasser 200 caractères.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Choisissez un rôle.")]
    public string Role { get; set; } = "";

    /// <summary>Codes separated by commas or spaces: « 75, 92, 2A ».</summary>
    [StringLength(500, ErrorMessage = "La liste est trop longue.")]
    public string? Departements { get; set; }

    [StringLength(64, ErrorMessage = "L’identifiant du club ne peut pas dépasser 64 caractères.")]
    public string? Club { get; set; }

    public bool Locked { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>> AvailableRoles { get; set; } = [];

    public IReadOnlyList<string> ParsedDepartements()
        => [.. (Departements ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => d.ToUpperInvariant()).Distinct()];
}

public sealed record PermissionMatrixViewModel(IReadOnlyList<PermissionRow> Permissions, IReadOnlyList<KeyValuePair<string, string>> Roles)
{
    /// <summary>Labels of the roles with users that the posted matrix leaves without any permission (asks to confirm).</summary>
    public IReadOnlyList<string> EmptiedRoles { get; init; } = [];
}

public sealed record PermissionRow(string Name, string Description, string Module, IReadOnlySet<string> GrantedRoles);
