namespace Plan10000.Portal.Abstractions.Events.Content;

/// <summary>Published after an item becomes visible or its published text changes, now or when its scheduled time passes.</summary>
public sealed record ContentPublished(int ContentId, string Kind);

/// <summary>Published after a published item is taken down: unpublished, archived or expired.</summary>
public sealed record ContentUnpublished(int ContentId, string Kind);

/// <summary>Published after the figures or contacts of a département's territorial kit are saved.</summary>
public sealed record TerritorialKitChanged(string DepartementCode);
