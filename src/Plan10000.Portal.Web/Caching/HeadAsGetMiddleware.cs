using Microsoft.AspNetCore.Http.Features;

namespace Plan10000.Portal.Web.Caching;

/// <summary>
/// Answers HEAD exactly like GET, headers included, without the body (RFC 9110 § 9.3.2), on every route: monitors,
/// link checkers and crawlers send HEAD. The request runs as a GET, so it also shares the GET's cached copy.
/// </summary>
internal sealed class HeadAsGetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var bodyFeature = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, bodyFeature));
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(bodyFeature);
        }
    }
}
