using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Plan10000.Portal.Web.Caching;

/// <summary>
/// Gives every shared public answer an <c>ETag</c> (a digest of the bytes sent, so it differs per encoding),
/// a <c>Last-Modified</c> when the page set none (the time it was built: data changes evict the cached copy, so a
/// later change always carries a later date), <c>Cache-Control: public, no-cache</c> and an exact
/// <c>Content-Length</c>; answers 304 to a matching <c>If-None-Match</c> or <c>If-Modified-Since</c>. It sits inside the
/// output cache, which stores these headers and answers the conditional requests it serves from memory itself.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!PublicPages.IsSharedRequest(context))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (PublicPages.IsSharedResponse(context))
        {
            var headers = response.Headers;
            if (string.IsNullOrEmpty(headers.ETag))
            {
                headers.ETag = $"\"{Convert.ToBase64String(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), 0, 18).Replace('+', '-').Replace('/', '_')}\"";
            }

            if (string.IsNullOrEmpty(headers.LastModified))
            {
                headers.LastModified = HeaderUtilities.FormatDate(clock.GetUtcNow());
            }

            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "public, no-cache";
            }

            if (IsNotModified(context.Request, headers))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                headers.ContentLength = null;
                return;
            }

            headers.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>RFC 9110 § 13.2.2: If-None-Match wins; If-Modified-Since counts only without it.</summary>
    internal static bool IsNotModified(HttpRequest request, IHeaderDictionary headers)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            if (!EntityTagHeaderValue.TryParse(headers.ETag.ToString(), out var current)
                || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var candidates))
            {
                return false;
            }

            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(current, useStrongComparison: false));
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && HeaderUtilities.TryParseDate(headers.LastModified.ToString(), out var modified)
            && modified <= since;
    }
}
