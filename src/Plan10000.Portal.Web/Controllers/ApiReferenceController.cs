using Microsoft.AspNetCore.Mvc;

namespace Plan10000.Portal.Web.Controllers;

/// <summary>
/// The browsable reference of the public API: Scalar's bundled script (served by the package at /scalar/scalar.js) and
/// a file of ours that points it at the generated document. No inline script, nothing fetched from another site.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ApiReferenceController : Controller
{
    [HttpGet("/api")]
    public IActionResult Index() => View();
}
