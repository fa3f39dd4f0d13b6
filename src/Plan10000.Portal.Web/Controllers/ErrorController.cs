using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Plan10000.Portal.Web.ViewModels;

namespace Plan10000.Portal.Web.Controllers;

/// <summary>French error pages; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class ErrorController(ILogger<ErrorController> logger) : Controller
{
    // From the route only: re-executed for a failed POST, the form may be what failed, and a 0 would answer 500.
    [Route("/erreur/{code:int}")]
    public IActionResult Index([FromRoute] int code)
    {
        // Typed by hand (/erreur/1, /erreur/500) rather than re-executed for a failed request: no incident to report.
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (failure is null && reExecuted is null)
        {
            code = 404;
        }

        var model = code switch
        {
            400 => new ErrorViewModel(400, "Requête incorrecte", "La demande n'a pas pu être traitée. Si vous envoyiez un formulaire, rechargez la page puis réessayez."),
            403 => new ErrorViewModel(403, "Accès refusé", "Vous n'avez pas les droits nécessaires pour accéder à cette page."),
            404 => new ErrorViewModel(404, "Page non trouvée", "La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée. Si vous avez tapé l'adresse web dans le navigateur, vérifiez qu'elle est correcte."),
            429 => new ErrorViewModel(429, "Trop de tentatives", "Vous avez fait trop de demandes en peu de temps. Patientez une minute puis réessayez."),
            >= 500 => new ErrorViewModel(code, "Erreur inattendue", "Désolé, le service rencontre un problème. Nous travaillons à le résoudre le plus rapidement possible. Réessayez plus tard."),
            _ => new ErrorViewModel(code, "Erreur", "La demande n'a pas pu aboutir."),
        };
        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
        if (Response.StatusCode >= 500)
        {
            // The exception handler and status code pages re-execute here with the same HttpContext, so the id is the failed request's.
            var path = failure?.Path ?? reExecuted?.OriginalPath ?? Request.Path.Value ?? "";
            LogServerError(failure?.Error, Response.StatusCode, path, HttpContext.TraceIdentifier);
            model = model with { IncidentReference = HttpContext.TraceIdentifier };
        }

        return View(model);
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Erreur serveur {StatusCode} sur {RequestPath}, référence de l'incident {RequestId}")]
    private partial void LogServerError(Exception? exception, int statusCode, string requestPath, string requestId);
}
