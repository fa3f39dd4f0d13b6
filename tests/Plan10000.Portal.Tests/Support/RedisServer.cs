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

/// <summary>
/// A redis-server of the test's own, stopped (SIGKILL) and started again on the same port to show what the portal does
/// while Redis is away. Its port is the first free one of PORTAL_REDIS_PORTS ("first last", as build.sh reads it) when
/// set, else one the system picks. Without redis-server on the PATH the test is reported as skipped.
/// </summary>
public sealed class OwnRedisServer : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"plan10000-redis-{Guid.NewGuid():N}");
    private System.Diagnostics.Process? process;

    private OwnRedisServer(int port)
    {
        Port = port;
        Directory.CreateDirectory(directory);
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public static async Task<OwnRedisServer> StartAsync()
    {
        Skip.If(FindOnPath("redis-server") is null, "redis-server n'est pas installé (lancez ./build.sh test).");
        var server = new OwnRedisServer(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var start = new System.Diagnostics.ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory })
        {
            start.ArgumentList.Add(argument);
        }

        process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("redis-server n'a pas démarré");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await AnswersAsync())
        {
            Assert.False(process.HasExited, $"redis-server s'est arrêté au démarrage sur le port {Port}");
            Assert.True(DateTime.UtcNow < deadline, $"redis-server ne répond pas sur le port {Port}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: the port refuses connections at once, as when the Redis host is gone.</summary>
    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    public void Dispose()
    {
        Stop();
        PortalFixture.TryDelete(directory);
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var range = Environment.GetEnvironmentVariable("PORTAL_REDIS_PORTS")?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (range is [var first, var last])
        {
            for (var port = int.Parse(first, System.Globalization.CultureInfo.InvariantCulture); port <= int.Parse(last, System.Globalization.CultureInfo.InvariantCulture); port++)
            {
                if (IsFree(port))
                {
                    return port;
                }
            }
        }

        return Ports.Free();
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static string? FindOnPath(string file)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);
}
