using System.Net;
using System.Net.Sockets;

namespace Plan10000.Portal.Tests.Support;

public static class Ports
{
    /// <summary>A TCP port of 127.0.0.1 that nothing listens on now (the system picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
