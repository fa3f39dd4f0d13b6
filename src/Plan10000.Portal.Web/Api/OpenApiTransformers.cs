using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Plan10000.Portal.Abstractions.Api;
using Plan10000.Portal.Abstractions.Queries.Referentials;

namespace Plan10000.Portal.Web.Api;

/// <summary>What the generator cannot read from the endpoints: the document's identity, reference lists, examples, the host's answers.</summary>
internal static class OpenApiTransformers
{
    /// <summary>A type named for the API (DisplayName, in French) keeps that name in the document; the others keep the generator's.</summary>
    public static string? SchemaName(JsonTypeInfo type)
        => type.Type.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName ?? OpenApiOptions.CreateDefaultSchemaReferenceId(type);

    private static JsonNode Example(object value) => JsonSerializer.SerializeToNode(value)!;

    private static ParameterInfo? ParameterOf(ApiParameterDescription description)
        => (description.ParameterDescriptor as ControllerParameterDescriptor)?.ParameterInfo;

    /// <summary>The codes of a reference list, read when the document is written (null when the Referentials module is off).</summary>
    internal static async Task<IReadOnlyList<string>?> CodesAsync(IServiceProvider services, ApiReferential referential, CancellationToken cancellationToken)
    {
        if (services.GetService<IReferentialsQuery>() is not { } query)
        {
            return null;
        }

        return referential switch
        {
            ApiReferential.Regions => [.. (await query.GetRegionsAsync(cancellationToken)).Select(r => r.Code)],
            ApiReferential.Departements => [.. (await query.GetDepartementsAsync(cancellationToken)).Select(d => d.Code)],
            ApiReferential.Themes => [.. (await query.GetThemesAsync(cancellationToken)).Select(t => t.Numero.ToString(CultureInfo.InvariantCulture))],
            ApiReferential.Publics => [.. (await query.GetPublicsAsync(cancellationToken)).Select(p => p.Code)],
            ApiReferential.Tailles => [.. (await query.GetTaillesEntrepriseAsync(cancellationToken)).Select(t => t.Code)],
            _ => [.. (await query.GetSecteursAsync(cancellationToken)).Select(s => s.Code)],
        };
    }

    internal sealed class Document(IConfiguration configuration) : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "API du programme « La France, une chance. Les entreprises s’engagent »",
                Version = "1",
                Description = "API publique en lecture seule : les entreprises engagées (seuls les éléments dont chacune a accepté la publication) "
                    + "et les indicateurs de pilotage consolidés par département. Les mêmes données sont disponibles en fichiers ouverts sous /donnees.\n\n"
                    + "Conventions : réponses JSON ; en-têtes ETag et Last-Modified, requêtes conditionnelles (If-None-Match, If-Modified-Since → 304) ; "
                    + "CORS ouvert en lecture (Access-Control-Allow-Origin: *) ; listes paginées avec les liens first, prev, next et last dans l’en-tête Link "
                    + "et le champ liens ; erreurs au format RFC 9457 (application/problem+json), en français ; nombre de requêtes limité par adresse "
                    + "et par minute, au-delà : 429 avec l’en-tête Retry-After (en secondes).",
                Contact = new OpenApiContact { Name = "Équipe du portail", Url = new Uri(PublicUrl(configuration), "/mentions-legales") },
                License = new OpenApiLicense { Name = "Licence Ouverte / Open Licence 2.0", Url = new Uri("https://www.etalab.gouv.fr/licence-ouverte-open-licence/") },
            };
            document.Servers = [new OpenApiServer { Url = "/", Description = "Ce portail" }];
            // Said rather than left out: every operation is open to anyone, without credentials (an empty requirement).
            document.Security = [new OpenApiSecurityRequirement()];
            OpenApiTag[] tags =
            [
                new() { Name = "Entreprises engagées", Description = "Les entreprises dont l’inscription a été validée, avec les éléments qu’elles ont accepté de publier." },
                new() { Name = "Indicateurs", Description = "Les indicateurs de pilotage et leurs valeurs validées, consolidées par département (secret statistique sous 3 contributeurs)." },
            ];
            // A tag whose module is switched off would describe nothing.
            var used = document.Paths.Values
                .SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? [])
                .SelectMany(o => (IEnumerable<OpenApiTagReference>?)o.Tags ?? [])
                .Select(t => t.Name)
                .ToHashSet();
            document.Tags = new HashSet<OpenApiTag>(tags.Where(t => used.Contains(t.Name)));
            return Task.CompletedTask;
        }

        private static Uri PublicUrl(IConfiguration configuration)
            => Uri.TryCreate(configuration["Portal:PublicUrl"], UriKind.Absolute, out var url) ? url : new Uri("http://localhost:5080");
    }

    internal sealed class Operation : IOpenApiOperationTransformer
    {
        /// <summary>The generator writes the reason phrase in English.</summary>
        private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
        {
            ["200"] = "Réponse en JSON.",
            ["400"] = "Paramètre invalide : le problème nomme chaque paramètre refusé (errors).",
            ["404"] = "Aucune ressource publiée à cette adresse.",
        };

        public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            foreach (var description in context.Description.ParameterDescriptions)
            {
                if (ParameterOf(description) is not { } info
                    || operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == description.Name) is not { } parameter)
                {
                    continue;
                }

                if (info.GetCustomAttribute<ApiExampleAttribute>() is { } example)
                {
                    parameter.Example = Example(example.Value);
                }

                if (info.GetCustomAttribute<ReferentialCodeAttribute>() is { } referential && parameter.Schema is OpenApiSchema schema
                    && await CodesAsync(context.ApplicationServices, referential.Referential, cancellationToken) is { } codes)
                {
                    var numbers = schema.Type?.HasFlag(JsonSchemaType.Integer) == true;
                    schema.Enum = [.. codes.Select(c => numbers ? JsonValue.Create(int.Parse(c, CultureInfo.InvariantCulture)) : (JsonNode)JsonValue.Create(c))];
                }
            }

            // Answers of the host rather than of the endpoint: the rate limit and the validators of every API answer.
            operation.Responses ??= [];
            var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
            operation.Responses["429"] = new OpenApiResponse
            {
                Description = "Trop de requêtes depuis cette adresse : réessayer après le délai donné par Retry-After.",
                Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Secondes à attendre avant de réessayer.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" } },
                },
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
            };
            if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers["ETag"] = new OpenApiHeader { Description = "Validateur de la réponse, à renvoyer dans If-None-Match (réponse 304 si rien n’a changé).", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                success.Headers["Last-Modified"] = new OpenApiHeader { Description = "Date de dernière modification, à renvoyer dans If-Modified-Since.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                if (operation.Parameters?.Any(p => p.Name == "page") == true)
                {
                    success.Headers["Link"] = new OpenApiHeader { Description = "Liens RFC 8288 vers les pages first, prev, next et last, avec les mêmes filtres.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }
            }

            foreach (var (status, response) in operation.Responses)
            {
                if (response is OpenApiResponse described && Descriptions.TryGetValue(status, out var french))
                {
                    described.Description = french;
                }
            }

            operation.Responses["304"] = new OpenApiResponse { Description = "Non modifié depuis la version désignée par If-None-Match ou If-Modified-Since." };
        }
    }

    internal sealed class Schema : IOpenApiSchemaTransformer
    {
        public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
        {
            if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(ApiExampleAttribute), inherit: false).FirstOrDefault() is ApiExampleAttribute example)
            {
                schema.Examples = [Example(example.Value)];
            }

            return Task.CompletedTask;
        }
    }
}
