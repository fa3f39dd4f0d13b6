namespace Plan10000.Portal.Abstractions.Security;

/// <summary>Rate-limiting policies the host defines; modules put them on login, registration and reset endpoints.</summary>
public static class RateLimitPolicies
{
    public const string Sensitive = "sensitive";
}
