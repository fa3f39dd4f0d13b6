using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Plan10000.Portal.Web.Hosting;

/// <summary>
/// <c>/health</c> answers JSON naming the instance that answered, so an operator behind a load balancer can tell
/// instances apart: <c>Portal__InstanceName</c>, else the machine name and the local port.
/// </summary>
internal static class HealthAnswer
{
    public static HealthCheckOptions Options(IConfiguration configuration) => new()
    {
        ResponseWriter = (context, report) =>
        {
            var instance = configuration["Portal:InstanceName"];
            if (string.IsNullOrWhiteSpace(instance))
            {
                instance = $"{Environment.MachineName}:{context.Connection.LocalPort}";
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                status = report.Status.ToString(),
                instance,
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            }));
        },
    };
}
