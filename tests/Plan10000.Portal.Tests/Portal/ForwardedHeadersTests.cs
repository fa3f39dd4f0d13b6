using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Portal;

/// <summary>
/// Behind a load balancer the client's address comes from X-Forwarded-For, sent by the addresses listed in
/// Portal:KnownProxies only (loopback included no more): the rate limit, which counts by client address, shows it.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task Forwarded_addresses_are_honoured_from_the_known_proxies_only()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:KnownProxies"] = "10.0.0.5, 10.0.0.6",
            ["Portal:RateLimit:SensitivePerMinute"] = "2",
        });
        async Task<int> Attempt(string from, string client) => (await factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            context.Request.Method = "POST";
            context.Request.Path = "/compte/mot-de-passe-oublie";
            context.Request.Headers["X-Forwarded-For"] = client;
        })).Response.StatusCode;

        // Through a listed proxy, each client has its own two attempts.
        foreach (var client in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            Assert.NotEqual(StatusCodes.Status429TooManyRequests, await Attempt("10.0.0.5", client));
            Assert.NotEqual(StatusCodes.Status429TooManyRequests, await Attempt("10.0.0.6", client));
        }

        // Anyone else claiming other clients is counted as itself, loopback too.
        foreach (var sender in new[] { "203.0.113.9", "127.0.0.1" })
        {
            Assert.NotEqual(StatusCodes.Status429TooManyRequests, await Attempt(sender, "198.51.100.11"));
            Assert.NotEqual(StatusCodes.Status429TooManyRequests, await Attempt(sender, "198.51.100.12"));
            Assert.Equal(StatusCodes.Status429TooManyRequests, await Attempt(sender, "198.51.100.13"));
        }

        PortalFixture.TryDelete(factory.DataDirectory);
    }
}
