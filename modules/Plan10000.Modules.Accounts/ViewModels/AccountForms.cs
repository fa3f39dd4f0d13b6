using System.ComponentModel.DataAnnotations;

namespace Plan10000.Modules.Accounts.ViewModels;

public sealed class TwoFactorLoginForm
{
    [Required(ErrorMessage = "Saisissez le code à 6 chiffres de votre application d’authentification.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code comporte 6 chiffres.")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class RegisterForm
{
    [Required(ErrorMessage = "Saisissez votre nom.")]
    [StringLength(200, ErrorMessage = "Le nom ne peut pas dépasser 200 caractères.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [StringLength(256, ErrorMessage = "L’adresse ne peut pas dépasser 256 caractères.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Confirmez le mot de passe.")]
    [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [StringLength(256, ErrorMessage = "L’adresse ne peut pas dépasser 256 caractères.")]
    public string Email { get; set; } = "";
}

public sealed class ResetPasswordForm
{
    [Required(ErrorMessage = "Le lien est incomplet. Demandez un nouveau lien.")]
    public string Uid { get; set; } = "";

    [Required(ErrorMessage = "Le lien est incomplet. Demandez un nouveau lien.")]
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Confirmez le mot de passe.")]
    [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class TwoFactorSetupForm
{
    [Required(ErrorMessage = "Saisissez le code à 6 chiffres affiché par votre application.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code comporte 6 chiffres.")]
    public string Code { get; set; } = "";
}

public sealed record TwoFactorViewModel(bool Enabled, string SharedKey, string AuthenticatorUri, bool Required, IReadOnlyList<string>? RecoveryCodes);

public sealed class CloseAccountForm
{
    [Required(ErrorMessage = "Saisissez votre mot de passe pour confirmer.")]
    public string Password { get; set; } = "";
}
