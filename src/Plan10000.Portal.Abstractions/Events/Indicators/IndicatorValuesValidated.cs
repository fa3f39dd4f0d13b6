namespace Plan10000.Portal.Abstractions.Events.Indicators;

/// <summary>Published after indicator values are validated and the aggregates moved: public figures change.</summary>
public sealed record IndicatorValuesValidated(IReadOnlyList<string> DepartementCodes, int Count);
