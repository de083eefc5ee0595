namespace OpenImis.Fhir.DataGenerator.Generation;

/// <summary>
/// How the resources of a data set are shared out. Families, insurees and policies take <see cref="HouseholdShare"/>
/// of what the reference data leaves; claims and their responses take the rest, to the exact total asked for. With
/// families of 4.5 members on average and 0.8 policies per family (Contract + Coverage each), this gives about 37%
/// insurees, 8% families, 13% contracts and coverages, 24% claims and 18% claim responses.
/// </summary>
internal static class Proportions
{
    public const double HouseholdShare = 0.58;

    /// <summary>The expected share of insurees, to scale health facilities (one per 2,000 insurees).</summary>
    public const double InsureeShare = 0.37;

    /// <summary>Relative weights of family sizes 1 to 8 (mean about 4.5).</summary>
    public static readonly double[] FamilySizeWeights = [8, 12, 16, 18, 16, 13, 10, 7];

    /// <summary>Relative weights of 0 to 3 policies per family over the three years (enrolment, then renewals).</summary>
    public static readonly double[] PoliciesPerFamilyWeights = [0.40, 0.45, 0.12, 0.03];

    /// <summary>Relative weights of 1 to 5 lines per claim.</summary>
    public static readonly double[] LinesPerClaimWeights = [0.25, 0.30, 0.22, 0.15, 0.08];
}
