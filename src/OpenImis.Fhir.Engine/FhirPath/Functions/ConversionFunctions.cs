using System.Globalization;
using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.FhirPath.Values;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>FHIRPath 5.5 conversion functions: iif, toX() and convertsToX().</summary>
internal static class ConversionFunctions
{
    private delegate object? Converter(object value);

    public static FunctionDefinition[] All { get; } =
    [
        Define("iif", 2, 3, Iif),
        .. Pair("Boolean", ToBoolean),
        .. Pair("Integer", ToInteger),
        .. Pair("Decimal", ToDecimal),
        .. Pair("String", ToStringValue),
        .. Pair("Date", ToDate),
        .. Pair("DateTime", ToDateTime),
        .. Pair("Time", ToTime),
        Define("toQuantity", 0, 1, static (focus, arguments, context) => Wrap(QuantityConversion.Convert(focus, arguments, context))),
        Define("convertsToQuantity", 0, 1, static (focus, arguments, context) =>
            focus.IsEmpty ? FhirPathCollection.Empty : FhirPathCollection.FromBoolean(QuantityConversion.Convert(focus, arguments, context) is not null)),
    ];

    // toX(): empty input is empty, several items an error, an unconvertible item empty. convertsToX(): whether toX() gives a value.
    private static FunctionDefinition[] Pair(string type, Converter converter) =>
    [
        Define("to" + type, 0, 0, (focus, arguments, _) =>
        {
            var value = SingleInput(focus, arguments);
            return value is null ? FhirPathCollection.Empty : Wrap(converter(value));
        }),
        Define("convertsTo" + type, 0, 0, (focus, arguments, _) =>
        {
            var value = SingleInput(focus, arguments);
            return value is null ? FhirPathCollection.Empty : FhirPathCollection.FromBoolean(converter(value) is not null);
        }),
    ];

    // iif(criterion, true-result [, otherwise-result]) (spec 5.5.1): only the chosen branch is evaluated. The criterion
    // must be empty or a single Boolean. Called on an input item, the arguments see it as $this (keeping $index).
    private static FhirPathCollection Iif(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (focus.Count > 1) throw arguments.Error($"expects at most one input item but got {focus.Count}.");
        var item = focus.Count == 1 ? focus.Single : null;
        var criterion = Argument(0);
        if (criterion.Count > 1) throw arguments.Error("the criterion must be a single Boolean.");
        var chosen = false;
        if (criterion.Count == 1)
        {
            chosen = Items.Unwrap(criterion.Single) as bool?
                ?? throw arguments.Error($"the criterion must be a Boolean but got {TypeNames.DisplayTypeOf(criterion.Single)}.");
        }
        if (chosen) return Argument(1);
        return arguments.Count > 2 ? Argument(2) : FhirPathCollection.Empty;

        FhirPathCollection Argument(int index) =>
            item is null || (context.This.Count == 1 && ReferenceEquals(context.This.Single, item))
                ? arguments.Evaluate(index, context)
                : arguments.EvaluateFor(index, item, context.Index, context);
    }

    // Spec 5.5.2 toBoolean: strings 'true'/'t'/'yes'/'y'/'1'/'1.0' and their false forms, case-insensitive; 1/0; 1.0/0.0.
    private static object? ToBoolean(object value) => value switch
    {
        bool => value,
        long l => l switch { 1 => FhirPathCollection.BoxedTrue, 0 => FhirPathCollection.BoxedFalse, _ => null },
        decimal d => d == 1m ? FhirPathCollection.BoxedTrue : d == 0m ? FhirPathCollection.BoxedFalse : null,
        string s => ParseBoolean(s),
        _ => null,
    };

    private static object? ParseBoolean(string text)
    {
        foreach (var candidate in (ReadOnlySpan<string>)["true", "t", "yes", "y", "1", "1.0"])
        {
            if (string.Equals(text, candidate, StringComparison.OrdinalIgnoreCase)) return FhirPathCollection.BoxedTrue;
        }
        foreach (var candidate in (ReadOnlySpan<string>)["false", "f", "no", "n", "0", "0.0"])
        {
            if (string.Equals(text, candidate, StringComparison.OrdinalIgnoreCase)) return FhirPathCollection.BoxedFalse;
        }
        return null;
    }

    // Spec 5.5.3 toInteger: strings of the form (\+|-)?\d+; Booleans 1/0; a Decimal does not convert.
    private static object? ToInteger(object value) => value switch
    {
        long => value,
        bool b => b ? 1L : 0L,
        string s => IsDigits(s, allowFraction: false) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
        _ => null,
    };

    // Spec 5.5.4 toDecimal: strings of the form (\+|-)?\d+(\.\d+)?; Integers; Booleans 1.0/0.0.
    private static object? ToDecimal(object value) => value switch
    {
        decimal => value,
        long l => (decimal)l,
        bool b => b ? 1.0m : 0.0m,
        string s => IsDigits(s, allowFraction: true) && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null,
        _ => null,
    };

    internal static bool IsDigits(string text, bool allowFraction)
    {
        var i = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? 1 : 0;
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i == start) return false;
        if (i == text.Length) return true;
        if (!allowFraction || text[i] != '.') return false;
        var fraction = ++i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i > fraction && i == text.Length;
    }

    /// <summary>Spec 5.5.8 toString: the System value as text; a Quantity as <c>5 'mg'</c>; dates in FHIR form without <c>@</c>.</summary>
    internal static string? ToText(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        PartialDateTime dt => dt.ToFhirString(),
        Quantity q => q.ToFhirPathString(),
        _ => null,
    };

    private static object? ToStringValue(object value) => ToText(value);

    // Spec 5.5.5 toDate: a Date, the date part of a DateTime, or a string in the Date literal form (no @).
    private static object? ToDate(object value) => value switch
    {
        PartialDateTime { Kind: not TemporalKind.Time } dt => dt.ToDate(),
        string s => PartialDateTime.TryParseString(s, TemporalKind.Date, out var parsed) ? parsed : null,
        _ => null,
    };

    // Spec 5.5.6 toDateTime: a DateTime, a Date (same precision), or a string in the DateTime literal form (no @).
    private static object? ToDateTime(object value) => value switch
    {
        PartialDateTime { Kind: not TemporalKind.Time } dt => dt.ToDateTime(),
        string s => PartialDateTime.TryParseString(s, TemporalKind.DateTime, out var parsed) ? parsed : null,
        _ => null,
    };

    // Spec 5.5.9 toTime: a Time, or a string in the Time literal form without @ (hh[:mm[:ss[.fff]]]).
    private static object? ToTime(object value) => value switch
    {
        PartialDateTime { Kind: TemporalKind.Time } => value,
        string s => PartialDateTime.TryParseString(s, TemporalKind.Time, out var parsed) ? parsed : null,
        _ => null,
    };
}
