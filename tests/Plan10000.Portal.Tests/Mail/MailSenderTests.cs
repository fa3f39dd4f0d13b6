using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using Plan10000.Portal.Abstractions.Mail;
using Plan10000.Portal.Tests.Support;

namespace Plan10000.Portal.Tests.Mail;

public sealed class MailSenderTests
{
    private static readonly OutgoingMail[] Batch =
    [
        new("dirigeante@entreprise.example", "Votre inscription au programme", "<p>Bonjour, votre <strong>inscription</strong> est enregistrée.</p>", "Bonjour, votre inscription est enregistrée.", "inscription"),
        new("rh@entreprise.example", "Réunion du club", "<p>Le club se réunit jeudi.</p>", "Le club se réunit jeudi.", "reunion-club"),
    ];

    [Fact]
    public async Task Pickup_mode_writes_a_readable_eml_with_both_parts()
    {
        using var factory = new PortalFactory();
        var sender = factory.Services.GetRequiredService<IMailSender>();

        var deliveries = await sender.SendAsync(Batch, CancellationToken.None);

        Assert.All(deliveries, d => Assert.True(d.Sent));
        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml");
        Assert.Equal(2, files.Length);
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        var inscription = messages.Single(m => m.Subject == "Votre inscription au programme");
        Assert.Contains("<strong>inscription</strong>", inscription.HtmlBody);
        Assert.Equal("Bonjour, votre inscription est enregistrée.", inscription.TextBody?.Trim());
        Assert.Equal("inscription", inscription.Headers["X-Portal-Template"]);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Plan10000.Portal.Infrastructure.Data.PortalDbContext>();
        Assert.Equal(1, await db.CountMailsAsync("dirigeante@entreprise.example", "inscription", CancellationToken.None));
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task An_unreachable_smtp_server_is_recorded_as_a_failure_not_thrown()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Mail:Mode"] = "Smtp",
            ["Portal:Mail:Smtp:Host"] = "127.0.0.1",
            ["Portal:Mail:Smtp:Port"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:Mail:Smtp:Security"] = "None",
        });

        var deliveries = await factory.Services.GetRequiredService<IMailSender>().SendAsync(Batch, CancellationToken.None);

        Assert.All(deliveries, d => Assert.False(d.Sent));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Plan10000.Portal.Infrastructure.Data.PortalDbContext>();
        Assert.Equal(1, await db.CountMailsAsync("rh@entreprise.example", "reunion-club", CancellationToken.None));
        PortalFixture.TryDelete(factory.DataDirectory);
    }

    [Fact]
    public async Task Smtp_mode_delivers_the_batch_to_a_real_smtp_server_over_one_connection()
    {
        var port = Ports.Free();
        using var server = SimpleSmtpServer.Start(port);
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Portal:Mail:Mode"] = "Smtp",
            ["Portal:Mail:Smtp:Host"] = "127.0.0.1",
            ["Portal:Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:Mail:Smtp:Security"] = "None",
        });
        var sender = factory.Services.GetRequiredService<IMailSender>();

        var deliveries = await sender.SendAsync(Batch, CancellationToken.None);

        Assert.All(deliveries, d => Assert.True(d.Sent, d.ServerAnswer));
        Assert.Equal(2, server.ReceivedEmailCount);
        var received = server.ReceivedEmail.Single(m => m.ToAddresses[0].Address == "dirigeante@entreprise.example");
        Assert.Contains(received.MessageParts, p => p.HeaderData.Contains("text/html", StringComparison.Ordinal));
        Assert.Contains(received.MessageParts, p => p.HeaderData.Contains("text/plain", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "mail")));
        PortalFixture.TryDelete(factory.DataDirectory);
    }

}
