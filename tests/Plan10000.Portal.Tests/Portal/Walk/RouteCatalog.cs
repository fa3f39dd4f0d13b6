using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Plan10000.Portal.Abstractions.Security;

namespace Plan10000.Portal.Tests.Portal.Walk;

/// <summary>One route of the portal as its endpoint data source declares it, with what authorization it asks.</summary>
public sealed class WalkRoute(RouteEndpoint endpoint, string method)
{
    private readonly TemplateMatcher matcher = new(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary(endpoint.RoutePattern.Defaults));

    public string Method { get; } = method;

    public RoutePattern Pattern => endpoint.RoutePattern;

    public string Display => Method + " /" + (Pattern.RawText ?? "").TrimStart('/');

    public decimal Precedence { get; } = RoutePrecedence.ComputeInbound(new RouteTemplate(endpoint.RoutePattern));

    public IReadOnlyList<RoutePatternParameterPart> Parameters => Pattern.Parameters;

    public bool AllowsAnonymous => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
        || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0;

    /// <summary>The permissions every <c>[Authorize(Policy = "Permission:…")]</c> on the controller and the action asks, all required.</summary>
    public IReadOnlyList<string> Permissions { get; } = [.. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
        .Select(a => a.Policy).OfType<string>().Where(p => p.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal))
        .Select(p => p[PermissionPolicy.Prefix.Length..]).Distinct()];

    /// <summary>Roles named by <c>[Authorize(Roles = …)]</c>; each attribute must be met.</summary>
    public IReadOnlyList<IReadOnlySet<string>> RoleSets { get; } = [.. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
        .Select(a => a.Roles).OfType<string>().Select(r => (IReadOnlySet<string>)r.Split(',', StringSplitOptions.TrimEntries).ToHashSet())];

    public bool TryMatch(string path, out RouteValueDictionary values)
    {
        values = [];
        return matcher.TryMatch(new PathString(path), values);
    }

    /// <summary>Whether a user of this role passes the endpoint's own authorization (before any scope check inside the action).</summary>
    public bool IsGrantedTo(string role, IReadOnlySet<(string Role, string Permission)> grants)
        => !AllowsAnonymous
            ? RoleSets.All(s => s.Contains(role)) && (role == PortalRoles.NationalAdmin || Permissions.All(p => grants.Contains((role, p))))
            : true;

    /// <summary>A URL for this route with the given values, or with <paramref name="fallback"/> for any parameter left.</summary>
    public string Build(IReadOnlyDictionary<string, string> values, Func<RoutePatternParameterPart, string> fallback)
    {
        var segments = Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => values.TryGetValue(parameter.Name, out var v) ? v : fallback(parameter),
            _ => "",
        })));
        return "/" + string.Join('/', segments.Where(s => s.Length > 0));
    }
}

/// <summary>Every GET and POST route of the running portal, read from its endpoint data sources (no hand list).</summary>
public sealed class RouteCatalog
{
    public RouteCatalog(EndpointDataSource source)
    {
        // Static assets are files, not routes of the application: their endpoints are left to the HTTP delivery tests.
        Routes = [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (e, m)))
            .Where(x => x.m is "GET" or "POST")
            .Select(x => new WalkRoute(x.e, x.m))
            .GroupBy(r => r.Display).Select(g => g.First())];
    }

    public IReadOnlyList<WalkRoute> Routes { get; }

    public IEnumerable<WalkRoute> Gets => Routes.Where(r => r.Method == "GET");

    public IEnumerable<WalkRoute> Posts => Routes.Where(r => r.Method == "POST");

    /// <summary>The most specific route of that method matching the path, as routing itself would choose.</summary>
    public (WalkRoute Route, Dictionary<string, string> Values)? Match(string method, string path)
    {
        foreach (var route in Routes.Where(r => r.Method == method).OrderBy(r => r.Precedence))
        {
            if (route.TryMatch(path, out var values))
            {
                return (route, values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
            }
        }

        return null;
    }
}
