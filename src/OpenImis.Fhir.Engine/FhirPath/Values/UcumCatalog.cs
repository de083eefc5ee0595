using System.Diagnostics.CodeAnalysis;

namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>
/// The UCUM atoms and prefixes this engine knows, and the conversions built on them
/// (UCUM, https://ucum.org/ucum: §2 prefixes, §28-§34 atoms). Not the full table: the SI, time, customary length and
/// mass, pressure and common clinical units. Special (non-linear) units such as Cel, [degF] and [pH] are not supported.
/// </summary>
internal static class UcumCatalog
{
    private const decimal Pi = 3.1415926535897932384626433833m;

    /// <summary>UCUM §2 metric prefixes.</summary>
    private static readonly Dictionary<string, decimal> Prefixes = new(StringComparer.Ordinal)
    {
        ["Y"] = 1e24m, ["Z"] = 1e21m, ["E"] = 1e18m, ["P"] = 1e15m, ["T"] = 1e12m, ["G"] = 1e9m, ["M"] = 1e6m,
        ["k"] = 1e3m, ["h"] = 1e2m, ["da"] = 1e1m, ["d"] = 1e-1m, ["c"] = 1e-2m, ["m"] = 1e-3m, ["u"] = 1e-6m,
        ["n"] = 1e-9m, ["p"] = 1e-12m, ["f"] = 1e-15m, ["a"] = 1e-18m, ["z"] = 1e-21m, ["y"] = 1e-24m,
    };

    /// <summary>Atoms defined from others: code, magnitude, definition (a UCUM expression over earlier atoms), metric.</summary>
    private static readonly (string Code, decimal Magnitude, string Definition, bool Metric)[] DerivedAtoms =
    [
        ("[pi]", Pi, "1", false),
        ("%", 0.01m, "1", false),
        ("[ppth]", 1e-3m, "1", false),
        ("[ppm]", 1e-6m, "1", false),
        ("mol", 602214076000000000000000m, "1", true),
        ("sr", 1m, "rad2", true),
        ("Hz", 1m, "s-1", true),
        ("N", 1m, "kg.m/s2", true),
        ("Pa", 1m, "N/m2", true),
        ("J", 1m, "N.m", true),
        ("W", 1m, "J/s", true),
        ("A", 1m, "C/s", true),
        ("V", 1m, "J/C", true),
        ("F", 1m, "C/V", true),
        ("Ohm", 1m, "V/A", true),
        ("S", 1m, "Ohm-1", true),
        ("Wb", 1m, "V.s", true),
        ("T", 1m, "Wb/m2", true),
        ("H", 1m, "Wb/A", true),
        ("lm", 1m, "cd.sr", true),
        ("lx", 1m, "lm/m2", true),
        ("Bq", 1m, "s-1", true),
        ("Gy", 1m, "J/kg", true),
        ("Sv", 1m, "J/kg", true),
        ("deg", Pi, "rad/180", false),
        ("gon", 0.9m, "deg", false),
        ("l", 1m, "dm3", true),
        ("L", 1m, "l", true),
        ("ar", 100m, "m2", true),
        ("min", 60m, "s", false),
        ("h", 60m, "min", false),
        ("d", 24m, "h", false),
        ("wk", 7m, "d", false),
        ("a_t", 365.24219m, "d", false),
        ("a_j", 365.25m, "d", false),
        ("a_g", 365.2425m, "d", false),
        ("a", 1m, "a_j", false),
        ("mo_s", 29.53059m, "d", false),
        ("mo_j", 1m, "a_j/12", false),
        ("mo_g", 1m, "a_g/12", false),
        ("mo", 1m, "mo_j", false),
        ("t", 1000m, "kg", true),
        ("u", 1.6605402e-24m, "g", true),
        ("bar", 100000m, "Pa", true),
        ("atm", 101325m, "Pa", false),
        ("m[Hg]", 133.3220m, "kPa", true),
        ("m[H2O]", 9.80665m, "kPa", true),
        ("eq", 1m, "mol", true),
        ("osm", 1m, "mol", true),
        ("kat", 1m, "mol/s", true),
        ("U", 1m, "umol/min", true),
        ("g%", 1m, "g/dl", true),
        ("cal", 4.184m, "J", true),
        ("[Cal]", 1m, "kcal", false),
        ("dyn", 1m, "g.cm/s2", true),
        ("erg", 1m, "dyn.cm", true),
        ("Ao", 0.1m, "nm", false),
        ("[IU]", 1m, "[iU]", true),
        ("[in_i]", 2.54m, "cm", false),
        ("[ft_i]", 12m, "[in_i]", false),
        ("[yd_i]", 3m, "[ft_i]", false),
        ("[mi_i]", 5280m, "[ft_i]", false),
        ("[nmi_i]", 1852m, "m", false),
        ("[gr]", 64.79891m, "mg", false),
        ("[lb_av]", 7000m, "[gr]", false),
        ("[oz_av]", 1m, "[lb_av]/16", false),
        ("[st_av]", 14m, "[lb_av]", false),
        ("[gal_us]", 231m, "[in_i]3", false),
        ("[qt_us]", 0.25m, "[gal_us]", false),
        ("[pt_us]", 0.5m, "[qt_us]", false),
        ("[foz_us]", 1m, "[pt_us]/16", false),
        ("[cup_us]", 8m, "[foz_us]", false),
        ("[tbs_us]", 0.5m, "[foz_us]", false),
        ("[tsp_us]", 1m, "[tbs_us]/3", false),
        ("[drp]", 0.05m, "ml", false),
    ];

    private static readonly Dictionary<string, (UcumUnit Unit, bool Metric)> Atoms = BuildAtoms();

    private static readonly Dictionary<string, UcumUnit?> ParsedUnits = new(StringComparer.Ordinal);

    private static readonly Lock ParsedUnitsLock = new();

    /// <summary>The canonical form of a UCUM expression; false when it does not parse or uses an unknown atom.</summary>
    public static bool TryParse(string unit, [NotNullWhen(true)] out UcumUnit? canonical)
    {
        lock (ParsedUnitsLock)
        {
            if (ParsedUnits.TryGetValue(unit, out canonical)) return canonical is not null;
        }

        canonical = UcumExpressionParser.TryParse(unit, ResolveSymbol, out var parsed) ? parsed : null;
        lock (ParsedUnitsLock)
        {
            if (ParsedUnits.Count < 10_000) ParsedUnits[unit] = canonical;
        }

        return canonical is not null;
    }

    /// <summary>Converts <paramref name="value"/> from one UCUM unit to another; false when either is unknown or they measure different things.</summary>
    public static bool TryConvert(decimal value, string fromUnit, string toUnit, out decimal result)
    {
        result = 0m;
        if (string.Equals(fromUnit, toUnit, StringComparison.Ordinal))
        {
            result = value;
            return true;
        }

        if (!TryParse(fromUnit, out var from) || !TryParse(toUnit, out var to) || !from.IsCommensurableWith(to)) return false;
        try
        {
            result = from.ConvertValue(value, to);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>True when both units parse and measure the same kind of quantity (the <c>comparable()</c> function).</summary>
    public static bool AreComparable(string unitA, string unitB) =>
        TryParse(unitA, out var a) && TryParse(unitB, out var b) && a.IsCommensurableWith(b);

    /// <summary>An atom with an optional metric prefix: exact atoms win (<c>cd</c> is candela, not centi-day).</summary>
    internal static UcumUnit? ResolveSymbol(string symbol) => ResolveSymbol(symbol, Atoms);

    private static UcumUnit? ResolveSymbol(string symbol, Dictionary<string, (UcumUnit Unit, bool Metric)> atoms)
    {
        if (atoms.TryGetValue(symbol, out var atom)) return atom.Unit;

        foreach (var length in (ReadOnlySpan<int>)[2, 1])
        {
            if (symbol.Length <= length || !Prefixes.TryGetValue(symbol[..length], out var prefix)) continue;
            if (atoms.TryGetValue(symbol[length..], out var prefixed) && prefixed.Metric) return prefixed.Unit.Scale(prefix);
        }

        return null;
    }

    private static Dictionary<string, (UcumUnit Unit, bool Metric)> BuildAtoms()
    {
        var atoms = new Dictionary<string, (UcumUnit Unit, bool Metric)>(StringComparer.Ordinal)
        {
            ["m"] = (UcumUnit.Base(0), true),
            ["g"] = (UcumUnit.Base(1), true),
            ["s"] = (UcumUnit.Base(2), true),
            ["rad"] = (UcumUnit.Base(3), true),
            ["K"] = (UcumUnit.Base(4), true),
            ["C"] = (UcumUnit.Base(5), true),
            ["cd"] = (UcumUnit.Base(6), true),
            ["[iU]"] = (UcumUnit.Base(7), true),
        };

        // Definitions refer only to atoms listed before them, so one pass in order resolves them all.
        foreach (var (code, magnitude, definition, metric) in DerivedAtoms)
        {
            if (!UcumExpressionParser.TryParse(definition, symbol => ResolveSymbol(symbol, atoms), out var unit))
                throw new InvalidOperationException($"UCUM catalog definition of '{code}' does not resolve: {definition}");
            atoms[code] = (unit.Scale(magnitude), metric);
        }

        return atoms;
    }
}
