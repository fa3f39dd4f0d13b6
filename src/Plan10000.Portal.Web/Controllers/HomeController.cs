using Microsoft.AspNetCore.Mvc;
using Plan10000.Portal.Abstractions.Extensibility;
using Plan10000.Portal.Abstractions.Queries.Referentials;
using Plan10000.Portal.Web.Hosting;
using Plan10000.Portal.Web.ViewModels;

namespace Plan10000.Portal.Web.Controllers;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(
        [FromServices] IEnumerable<IDashboardWidgetProvider> widgets,
        [FromServices] IConfiguration configuration,
        [FromServices] IHostEnvironment environment,
        CancellationToken cancellationToken)
    {
        var figures = await widgets.CollectAsync(publicOnly: true, cancellationToken);
        // The Referentials module may be switched off: the home page then shows no territory figures.
        var referentials = HttpContext.RequestServices.GetService<IReferentialsQuery>();
        var model = new HomeViewModel(
            referentials is null ? [] : await referentials.GetThemesAsync(cancellationToken),
            referentials is null ? 0 : (await referentials.GetRegionsAsync(cancellationToken)).Count,
            referentials is null ? 0 : (await referentials.GetDepartementsAsync(cancellationToken)).Count,
            figures,
            DemoSwitch.IsOn(configuration, environment));
        return View(model);
    }
}
