using System.ComponentModel.DataAnnotations;

namespace Plan10000.Modules.Accounts.ViewModels;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [StringLength(256, ErrorMessage = "L’adresse ne peut pas dépasser 256 caractères.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Saisissez votre mot de passe.")]
    [StringLength(512, ErrorMessage = "Le mot de passe ne peut pas dépasser 512 caractères.")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}
