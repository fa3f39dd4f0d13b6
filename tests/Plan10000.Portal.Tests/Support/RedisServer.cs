namespace Plan10000.Portal.Tests.Support;

/// <summary>
/// The Redis server that build.sh starts (PORTAL_TEST_REDIS, e.g. 127.0.0.1:56379). Without it the test is reported
/// as skipped, never as passed.
/// </summary>
public static class RedisServer
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("PORTAL_TEST_REDIS");

    /// <summary>Settings pointing hosts at the server under a key prefix of their own, so no other test's cache or counter is seen.</summary>
    public static Dictionary<string, string?> Settings(string prefix)
    {
        Skip.If(string.IsNullOrEmpty(Server), "PORTAL_TEST_REDIS n'est pas défini (lancez ./build.sh test).");
        return new()
        {
            ["Portal:Redis:Configuration"] = Server,
            ["Portal:Redis:InstanceName"] = $"test-{prefix}-{Guid.NewGuid():N}:",
        };
    }
}
