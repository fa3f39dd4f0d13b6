using Microsoft.Extensions.Configuration;
using Plan10000.Portal.Abstractions.Settings;

namespace Plan10000.Portal.Infrastructure.Settings;

internal sealed class PortalUrls(IConfiguration configuration) : IPortalUrls
{
    public string Root { get; } = (configuration["Portal:PublicUrl"] ?? "http://localhost:5080").TrimEnd('/');
}
