using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Operators;

/// <summary>The type of an item as FHIRPath reports it.</summary>
internal static class TypeNames
{
    /// <summary>The System type name of a System value (<c>Boolean</c>, <c>Integer</c>, ...), or null for an element.</summary>
    public static string? SystemTypeOf(object item) => item switch
    {
        bool => "Boolean",
        long => "Integer",
        decimal => "Decimal",
        string => "String",
        PartialDateTime { Kind: TemporalKind.Date } => "Date",
        PartialDateTime { Kind: TemporalKind.DateTime } => "DateTime",
        PartialDateTime => "Time",
        Quantity => "Quantity",
        _ => null,
    };

    /// <summary>
    /// The name the command line and tests print: the FHIR type for elements (<c>string</c>, <c>HumanName</c>),
    /// the lower-case System name for computed values (<c>boolean</c>, <c>integer</c>, <c>dateTime</c>, <c>Quantity</c>).
    /// </summary>
    public static string DisplayTypeOf(object item) => item switch
    {
        ElementNode node => node.Type?.Kind == TypeKind.Backbone ? "BackboneElement" : node.TypeName,
        bool => "boolean",
        long => "integer",
        decimal => "decimal",
        string => "string",
        PartialDateTime { Kind: TemporalKind.Date } => "date",
        PartialDateTime { Kind: TemporalKind.DateTime } => "dateTime",
        PartialDateTime => "time",
        Quantity => "Quantity",
        _ => item.GetType().Name,
    };
}
