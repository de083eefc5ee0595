namespace OpenImis.Fhir.Engine.FhirPath.Operators;

/// <summary>Three-valued logic of <c>and</c>, <c>or</c>, <c>xor</c>, <c>implies</c> (spec 6.5); null is empty.</summary>
internal static class BooleanLogic
{
    public static bool? And(bool? left, bool? right) =>
        left == false || right == false ? false : left is null || right is null ? null : true;

    public static bool? Or(bool? left, bool? right) =>
        left == true || right == true ? true : left is null || right is null ? null : false;

    public static bool? Xor(bool? left, bool? right) =>
        left is null || right is null ? null : left != right;

    public static bool? Implies(bool? left, bool? right) =>
        left == false ? true : left == true ? right : right == true ? true : null;

    public static FhirPathCollection ToCollection(bool? value) =>
        value is { } b ? FhirPathCollection.FromBoolean(b) : FhirPathCollection.Empty;
}
