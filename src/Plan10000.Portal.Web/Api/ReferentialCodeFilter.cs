using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Plan10000.Portal.Abstractions.Api;

namespace Plan10000.Portal.Web.Api;

/// <summary>
/// A parameter marked <see cref="ReferentialCodeAttribute"/> accepts only the codes its document lists: another code is a
/// 400 naming the parameter, in the same validation problem as the framework's own checks.
/// </summary>
internal sealed class ReferentialCodeFilter(IOptions<ApiBehaviorOptions> api) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var refused = false;
        foreach (var parameter in context.ActionDescriptor.Parameters.OfType<ControllerParameterDescriptor>())
        {
            if (parameter.ParameterInfo.GetCustomAttribute<ReferentialCodeAttribute>() is not { } referential
                || !context.ActionArguments.TryGetValue(parameter.Name, out var argument)
                || Convert.ToString(argument, CultureInfo.InvariantCulture)?.Trim() is not { Length: > 0 } value)
            {
                continue;
            }

            var codes = await OpenApiTransformers.CodesAsync(context.HttpContext.RequestServices, referential.Referential, context.HttpContext.RequestAborted);
            if (codes is not null && !codes.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                context.ModelState.AddModelError(parameter.Name, $"« {(value.Length > 40 ? value[..40] + "…" : value)} » n’est pas un code connu : les codes admis sont listés dans /openapi/v1.json.");
                refused = true;
            }
        }

        if (refused)
        {
            context.Result = api.Value.InvalidModelStateResponseFactory(context);
            return;
        }

        await next();
    }
}
