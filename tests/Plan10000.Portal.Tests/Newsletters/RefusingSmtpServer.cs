using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Plan10000.Portal.Tests.Newsletters;

/// <summary>
/// A minimal real SMTP server on a loopback port that answers « 550 » at RCPT TO for the addresses it is told to refuse
/// and accepts the others (netDumbster accepts everyone). Enough of RFC 5321 for MailKit: EHLO, MAIL, RCPT, DATA, RSET, QUIT.
/// </summary>
internal sealed class RefusingSmtpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<string, bool> refuse;

    public RefusingSmtpServer(Func<string, bool> refuse)
    {
        this.refuse = refuse;
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentBag<string> Accepted { get; } = [];

    public ConcurrentBag<string> RcptAttempts { get; } = [];

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ESMTP test");
        string? recipient = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    recipient = null;
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                    RcptAttempts.Add(address);
                    if (refuse(address))
                    {
                        await writer.WriteLineAsync("550 5.1.1 Destinataire inconnu");
                    }
                    else
                    {
                        recipient = address;
                        await writer.WriteLineAsync("250 2.1.5 OK");
                    }

                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 Fin par <CRLF>.<CRLF>");
                    while (await reader.ReadLineAsync() is { } data && data != ".")
                    {
                    }

                    if (recipient is not null)
                    {
                        Accepted.Add(recipient);
                    }

                    await writer.WriteLineAsync("250 2.0.0 Reçu");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Au revoir");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }
}
