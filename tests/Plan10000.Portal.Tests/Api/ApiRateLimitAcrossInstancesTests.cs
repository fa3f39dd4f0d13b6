using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Api;

/// <summary>
/// Two portals sharing one Redis, each with its own limiter in memory, as two instances behind a load balancer: the
/// API's per-address limit is counted once over both (ADR 0027), not once per instance.
/// </summary>
public sealed class ApiRateLimitAcrossInstancesTests
{
    private const int Permits = 10;

    [SkippableFact]
    public async Task Requests_alternated_over_two_instances_are_refused_past_the_limit_with_retry_after()
    {
        var redis = RedisServer.Settings("api");
        Dictionary<string, string?> Settings(bool jobs) => new(redis)
        {
            ["Portal:Jobs:Server"] = jobs ? "true" : "false",
            ["Portal:Api:RequestsPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using var a = new PortalFactory(settings: Settings(jobs: true));
        using var b = new PortalFactory(settings: Settings(jobs: false));
        var client = IPAddress.Parse("198.51.100.23");
        async Task<HttpContext> Get(PortalFactory host) => await host.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = client;
            context.Request.Method = "GET";
            context.Request.Path = "/api/v1/indicateurs";
        });

        var answers = new List<int>();
        for (var i = 0; i < Permits; i++)
        {
            answers.Add((await Get(i % 2 == 0 ? a : b)).Response.StatusCode);
        }

        var refused = await Get(a);
        var alsoRefused = await Get(b);

        Assert.All(answers, status => Assert.Equal(StatusCodes.Status200OK, status));
        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.InRange(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(StatusCodes.Status429TooManyRequests, alsoRefused.Response.StatusCode);
        // Another address has its own count.
        Assert.Equal(StatusCodes.Status200OK, (await b.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.24");
            context.Request.Path = "/api/v1/indicateurs";
        })).Response.StatusCode);
        PortalFixture.TryDelete(a.DataDirectory);
        PortalFixture.TryDelete(b.DataDirectory);
    }
}
