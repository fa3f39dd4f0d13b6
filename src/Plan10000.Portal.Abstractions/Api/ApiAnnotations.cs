namespace Plan10000.Portal.Abstractions.Api;

/// <summary>Reference lists whose codes an API parameter accepts; the host reads them when it writes the OpenAPI document.</summary>
public enum ApiReferential
{
    Regions,
    Departements,
    Themes,
    Publics,
    Tailles,
    Secteurs,
}

/// <summary>
/// The parameter takes a code of a reference list: the OpenAPI document lists the codes (read from the Referentials
/// module when the document is written) and the host answers 400 to a code that is not in the list.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ReferentialCodeAttribute(ApiReferential referential) : Attribute
{
    public ApiReferential Referential => referential;
}

/// <summary>
/// An example value for a parameter or a field of an API answer, written into the OpenAPI document. A test calls every
/// documented operation with its parameters' examples, so a path parameter's example must name something real in tests.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ApiExampleAttribute(object value) : Attribute
{
    public object Value => value;
}
