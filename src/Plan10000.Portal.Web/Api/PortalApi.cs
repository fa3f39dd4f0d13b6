using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Plan10000.Portal.Web.Hosting;
using Scalar.AspNetCore;

namespace Plan10000.Portal.Web.Api;

/// <summary>
/// The conventions of the public read-only API (ADR 0023): one OpenAPI document generated from the endpoints under
/// <c>/api/v1</c>, French RFC 9457 problem details, CORS open for reads of the API and open data, a rate limit per client
/// address. Modules only annotate their API controllers with ASP.NET Core attributes and the contract of Abstractions.Api.
/// </summary>
internal static class PortalApi
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/v1.json";

    private const string OpenDataCors = "open-data";

    public static readonly PathString Prefix = "/api/v1";

    /// <summary>Read by anyone from any site: the API, the open-data files and the API's description.</summary>
    private static readonly PathString[] OpenToOtherSites = [Prefix, "/donnees", "/openapi"];

    public static bool IsApi(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // Only the public API: not the MVC pages, not the back office.
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase) == true;
            o.CreateSchemaReferenceId = OpenApiTransformers.SchemaName;
            o.AddDocumentTransformer<OpenApiTransformers.Document>();
            o.AddOperationTransformer<OpenApiTransformers.Operation>();
            o.AddSchemaTransformer<OpenApiTransformers.Schema>();
        });
        // The API writes numbers as numbers: described as such, not as « integer or string » (the web defaults' lenient reading).
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        services.Configure<ApiBehaviorOptions>(o =>
        {
            o.ClientErrorMapping[StatusCodes.Status400BadRequest] = new() { Title = "Requête incorrecte", Link = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1" };
            o.ClientErrorMapping[StatusCodes.Status404NotFound] = new() { Title = "Ressource introuvable", Link = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5" };
            o.ClientErrorMapping[StatusCodes.Status405MethodNotAllowed] = new() { Title = "Méthode non autorisée", Link = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6" };
            o.ClientErrorMapping[StatusCodes.Status401Unauthorized] = new() { Title = "Authentification requise", Link = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2" };
            o.ClientErrorMapping[StatusCodes.Status403Forbidden] = new() { Title = "Accès refusé", Link = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4" };
            o.ClientErrorMapping[StatusCodes.Status500InternalServerError] = new() { Title = "Erreur inattendue", Link = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1" };
            o.ClientErrorMapping[StatusCodes.Status429TooManyRequests] = new() { Title = "Trop de requêtes", Link = "https://www.rfc-editor.org/rfc/rfc6585#section-4" };
            o.InvalidModelStateResponseFactory = context =>
            {
                var problem = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>().CreateValidationProblemDetails(
                    context.HttpContext, context.ModelState, StatusCodes.Status400BadRequest, title: "Requête incorrecte", detail: "Un ou plusieurs paramètres sont invalides : voir errors.");
                return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
            };
        });
        services.AddCors(o => o.AddPolicy(OpenDataCors, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .AllowAnyHeader()
            .WithExposedHeaders("ETag", "Last-Modified", "Link", "Retry-After", "Content-Disposition")));
        return services;
    }

    /// <summary>
    /// Per client address, only on /api/v1 (a value of 0 turns it off), counted in Redis over every instance when it is
    /// configured (ADR 0027). Rejections are answered by <see cref="RejectAsync"/>.
    /// </summary>
    public static RateLimitPartition<string> Limit(HttpContext context, RedisSettings? redis, int permitsPerMinute)
        => IsApi(context.Request.Path) && permitsPerMinute > 0
            ? RedisSharedState.FixedWindow(context, redis, "api", context.Connection.RemoteIpAddress?.ToString() ?? "local", permitsPerMinute)
            : RateLimitPartition.GetNoLimiter("");

    /// <summary>
    /// Every refusal says when to come back (Retry-After, in seconds); an API client also gets a problem in JSON, a browser
    /// the French error page (status code pages).
    /// </summary>
    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = Math.Max(1, (int)Math.Ceiling(RetryAfter(rejected.Lease).TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (IsApi(context.Request.Path))
        {
            await WriteProblemAsync(context, $"Trop de requêtes depuis votre adresse : réessayez dans {seconds} s.");
        }
    }

    /// <summary>The framework's limiters give a TimeSpan; RedisRateLimiting's window gives whole seconds under a name of its own.</summary>
    private static TimeSpan RetryAfter(RateLimitLease lease)
        => lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : lease.TryGetMetadata(RedisRateLimiting.RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(1);

    public static void UsePortalApi(this IApplicationBuilder app)
    {
        app.UseWhen(context => OpenToOtherSites.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)), open => open.UseCors(OpenDataCors));
        // Inside the French error pages: an API client gets a problem in JSON instead, for a route that does not exist too.
        app.UseWhen(context => IsApi(context.Request.Path), api => api.UseStatusCodePages(async pages =>
        {
            if (pages.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                await WriteProblemAsync(pages.HttpContext, pages.HttpContext.Response.StatusCode == StatusCodes.Status404NotFound
                    ? "Aucune ressource de l’API à cette adresse : les adresses sont décrites dans " + DocumentPath + "."
                    : null);
            }
        }));
    }

    public static void MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath);
        // Only for the bundled script it serves at /scalar/scalar.js: its own page writes an inline script, which the CSP
        // refuses, so /api is the host's page (ApiReferenceController) loading that script and a file of ours.
        endpoints.MapScalarApiReference("/scalar");
    }

    private static async Task WriteProblemAsync(HttpContext context, string? detail)
    {
        var problem = context.RequestServices.GetRequiredService<ProblemDetailsFactory>().CreateProblemDetails(context, context.Response.StatusCode, detail: detail);
        if (problem.Title is null)
        {
            problem.Title = "Erreur";
        }

        problem.Instance = context.Request.Path;
        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }
}
