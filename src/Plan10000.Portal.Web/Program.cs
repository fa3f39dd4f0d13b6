using Plan10000.Portal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await app.InitializePortalAsync();
if (PortalCommands.IsCommand(args))
{
    return await PortalCommands.RunAsync(app, args);
}

app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so that integration tests can host the portal.</summary>
public partial class Program;
