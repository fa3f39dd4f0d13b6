using Microsoft.AspNetCore.Mvc;

namespace Plan10000.Portal.Web.Controllers;

/// <summary>The mandatory pages of a State site.</summary>
public sealed class LegalController : Controller
{
    [HttpGet("/mentions-legales")]
    public IActionResult MentionsLegales() => View();

    [HttpGet("/donnees-personnelles")]
    public IActionResult DonneesPersonnelles() => View();

    [HttpGet("/accessibilite")]
    public IActionResult Accessibilite() => View();
}
