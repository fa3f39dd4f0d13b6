using System.Diagnostics;
using System.Net;

namespace Plan10000.Portal.Tests.Support;

/// <summary>
/// The portal as a real operating-system process (the built <c>Plan10000.Portal.Web.dll</c> under <c>dotnet</c>), for
/// what an in-process host cannot show: an instance killed with SIGKILL in the middle of its work.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Dictionary<string, string?> environment;
    private readonly string logFile;
    private Process? process;
    private StreamWriter? log;

    public PortalProcess(string name, Dictionary<string, string?> settings)
    {
        Name = name;
        Port = Ports.Free();
        var data = Path.Combine(Path.GetTempPath(), $"plan10000-process-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        logFile = Path.Combine(data, "portal.log");
        environment = new Dictionary<string, string?>(settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value))
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["Portal__DataDirectory"] = data,
            ["Portal__InstanceName"] = name,
            ["Portal__Seed__Demo"] = "false",
            ["Portal__Admin__Email"] = PortalFactory.AdminEmail,
            ["Portal__Admin__Password"] = PortalFactory.AdminPassword,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        DataDirectory = data;
    }

    public string Name { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>The operating-system process id while it runs (Hangfire names its servers after it).</summary>
    public int? ProcessId => process is { HasExited: false } running ? running.Id : null;

    /// <summary>The configuration this test assembly was built in (Release or Debug).</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The folder of <c>Plan10000.Portal.sln</c>, above this test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Plan10000.Portal.sln")))
            {
                root = root.Parent;
            }

            return root?.FullName ?? throw new InvalidOperationException("Plan10000.Portal.sln introuvable");
        }
    }

    /// <summary>The web project's build output next to this test assembly's configuration (bin/Release or bin/Debug).</summary>
    public static string WebAssembly
        => Path.Combine(RepositoryRoot, "src", "Plan10000.Portal.Web", "bin", Configuration, new DirectoryInfo(AppContext.BaseDirectory).Name, "Plan10000.Portal.Web.dll");

    /// <summary>Starts the process and waits until <c>/health</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(WebAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssembly);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet n'a pas démarré");
        var writer = log = File.AppendText(logFile);
        writer.AutoFlush = true;
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"L'instance {Name} s'est arrêtée au démarrage :\n{Log()}");
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"L'instance {Name} n'a pas répondu à /health :\n{Log()}");
    }

    /// <summary>SIGKILL: no shutdown hook, no disposal, nothing flushed — what a crashed server does.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        if (log is { } writer)
        {
            lock (writer)
            {
                writer.Dispose();
            }

            log = null;
        }
    }

    public string Log() => File.Exists(logFile) ? string.Join('\n', File.ReadLines(logFile).TakeLast(40)) : "";

    public void Dispose()
    {
        Kill();
        process?.Dispose();
        PortalFixture.TryDelete(DataDirectory);
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            try
            {
                writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A last line after the process was killed and its log closed.
            }
        }
    }

}
