using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Plan10000.Portal.Infrastructure.Input;

namespace Plan10000.Portal.Web.Security;

/// <summary>
/// Applies <see cref="RefusedInput"/> to every request before rate limiting and authorization run. A form posted to
/// an MVC action goes on, marked, so that the action re-renders it with the message next to the field (and cannot
/// save: see <see cref="RefusedInputSaveGuard"/>); anything else (query strings, JSON bodies) is answered 400 here.
/// </summary>
internal sealed class InputGuardMiddleware(RequestDelegate next)
{
    private const int MaxJsonDepth = 64;

    /// <summary>ASP.NET Core's default form size limit.</summary>
    private const long MaxUrlEncodedLength = 4 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        // Error pages re-executed for an already refused request must render, not be refused again.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        var fields = new List<string>();
        fields.AddRange(context.Request.Query.Where(q => HasControl(q.Key, q.Value)).Select(q => q.Key));
        var isForm = false;
        if (context.Request.HasFormContentType)
        {
            IFormCollection? form;
            context.Request.EnableBuffering();
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // ASP.NET Core's form reader gives up on some control characters (NUL); without this the action's
                // model binding fails the same way and answers 500. Read the fields ourselves so the form can be re-rendered.
                form = await ReadUrlEncodedAsync(context);
                if (form is null)
                {
                    await RefuseAsync(context, [], "Le formulaire envoyé est illisible ou trop volumineux.");
                    return;
                }

                context.Features.Set<IFormFeature>(new FormFeature(form));
            }

            isForm = true;
            fields.AddRange(form.Where(f => HasControl(f.Key, f.Value)).Select(f => f.Key));
            fields.AddRange(form.Files.Where(f => RefusedInput.HasControlCharacter(f.FileName) || RefusedInput.HasControlCharacter(f.Name)).Select(f => f.Name));
        }
        else if (context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            context.Request.EnableBuffering();
            try
            {
                using var document = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = MaxJsonDepth }, context.RequestAborted);
                CollectJson(document.RootElement, "$", fields);
            }
            catch (JsonException)
            {
                // Malformed JSON is the endpoint's business (its own 400); only control characters are ours.
            }

            context.Request.Body.Position = 0;
        }

        if (fields.Count == 0)
        {
            await next(context);
            return;
        }

        var distinct = fields.Distinct(StringComparer.Ordinal).ToList();
        if (isForm && HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
        {
            context.Features.Set(new RefusedInput(distinct));
            await next(context);
            return;
        }

        await RefuseAsync(context, distinct, RefusedInput.Message);
    }

    private static async Task<IFormCollection?> ReadUrlEncodedAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true
            || context.Request.ContentLength > MaxUrlEncodedLength)
        {
            return null;
        }

        context.Request.Body.Position = 0;
        using var reader = new StreamReader(context.Request.Body, System.Text.Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            fields[key] = Microsoft.Extensions.Primitives.StringValues.Concat(fields.GetValueOrDefault(key), value);
        }

        return new FormCollection(fields);
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    private static bool HasControl(string key, Microsoft.Extensions.Primitives.StringValues values)
        => RefusedInput.HasControlCharacter(key) || values.Any(v => v is not null && RefusedInput.HasControlCharacter(v));

    private static void CollectJson(JsonElement element, string path, List<string> fields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when RefusedInput.HasControlCharacter(element.GetString()):
                fields.Add(path);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (RefusedInput.HasControlCharacter(property.Name))
                    {
                        fields.Add(path);
                    }

                    CollectJson(property.Value, $"{path}.{property.Name}", fields);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CollectJson(item, $"{path}[{index++}]", fields);
                }

                break;
        }
    }

    /// <summary>HTML clients get the French 400 page (status code pages), the others an RFC 9457 problem.</summary>
    private static async Task RefuseAsync(HttpContext context, IReadOnlyList<string> fields, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var wantsHtml = context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true)
            || (context.Request.HasFormContentType && context.Request.Headers.Accept.Count == 0);
        if (wantsHtml)
        {
            return;
        }

        var problem = new ValidationProblemDetails(fields.ToDictionary(f => f, _ => new[] { message }, StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Requête incorrecte",
            Detail = message,
        };
        await context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }
}

/// <summary>
/// The MVC half of the rule: puts the message next to each refused field and makes the answer a 400, whatever the
/// action does; if the action tried to save anyway, the answer is the French 400 page.
/// </summary>
internal sealed class RefusedInputFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var refused = context.HttpContext.Features.Get<RefusedInput>();
        if (refused is null)
        {
            await next();
            return;
        }

        foreach (var field in refused.Fields)
        {
            context.ModelState.AddModelError(field, RefusedInput.Message);
        }

        var executed = await next();
        if (executed.Exception is RefusedInputException)
        {
            executed.ExceptionHandled = true;
            executed.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        executed.Result = executed.Result switch
        {
            ViewResult view => WithStatus(view),
            PartialViewResult partial => WithStatus(partial),
            null => null,
            _ => new StatusCodeResult(StatusCodes.Status400BadRequest),
        };
    }

    private static ViewResult WithStatus(ViewResult view)
    {
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }

    private static PartialViewResult WithStatus(PartialViewResult view)
    {
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
