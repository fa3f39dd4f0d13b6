namespace Plan10000.Portal.Abstractions.Settings;

/// <summary>
/// The portal's public address (Portal:PublicUrl) for every absolute link: mails, feeds, sitemap, canonical and
/// share links. Never built from the request's Host header, which a client chooses.
/// </summary>
public interface IPortalUrls
{
    string Root { get; }

    string Absolute(string path) => Root + (path.StartsWith('/') ? path : "/" + path);
}
