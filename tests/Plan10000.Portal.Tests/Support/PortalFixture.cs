namespace Plan10000.Portal.Tests.Support;

/// <summary>One portal per test class, removed with its data directory afterwards.</summary>
public sealed class PortalFixture : IDisposable
{
    public PortalFactory Factory { get; } = new();

    public void Dispose()
    {
        Factory.Dispose();
        TryDelete(Factory.DataDirectory);
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by SQLite's pool is removed with the temp folder later.
        }
    }
}
