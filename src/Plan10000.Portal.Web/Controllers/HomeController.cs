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
        [FromServices] IReferentialsQuery referentials,
        [FromServices] IEnumerable<IDashboardWidgetProvider> widgets,
        [FromServices] IConfiguration configuration,
        [FromServices] IHostEnvironment environment,
        CancellationToken cancellationToken)
    {
        var figures = new List<DashboardWidget>();
        foreach (var provider in widgets)
        {
            figures.AddRange(await provider.GetWidgetsAsync(cancellationToken));
        }

        var model = new HomeViewModel(
            await referentials.GetThemesAsync(cancellationToken),
            (await referentials.GetRegionsAsync(cancellationToken)).Count,
            (await referentials.GetDepartementsAsync(cancellationToken)).Count,
            [.. figures.OrderBy(f => f.Order)],
            DemoSwitch.IsOn(configuration, environment));
        return View(model);
    }
}
