using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Plan10000.Modules.Newsletters.Services;

/// <summary>
/// Signed and encrypted link tokens (ASP.NET Core data protection, keys shared by every instance through the
/// database): a forged or altered token does not open; a used one is refused by the state it left behind.
/// </summary>
internal sealed class NewsletterTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector unsubscribe = provider.CreateProtector("Plan10000.Newsletters.Unsubscribe.v1");
    private readonly IDataProtector confirm = provider.CreateProtector("Plan10000.Newsletters.Confirm.v1");

    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public string ForUnsubscribe(long deliveryId) => unsubscribe.Protect("d:" + deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public long? ReadUnsubscribe(string? token)
    {
        var value = Unprotect(unsubscribe, token);
        return value is not null && value.StartsWith("d:", StringComparison.Ordinal) && long.TryParse(value[2..], System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public string ForConfirmation(Guid subscriberId, string nonce) => confirm.Protect(subscriberId.ToString("N") + ":" + nonce);

    public (Guid SubscriberId, string Nonce)? ReadConfirmation(string? token)
    {
        var value = Unprotect(confirm, token);
        var parts = value?.Split(':');
        return parts is { Length: 2 } && Guid.TryParseExact(parts[0], "N", out var id) ? (id, parts[1]) : null;
    }

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
