namespace OpenImis.Fhir.Engine.Validation;

/// <summary>The IssueType codes the validator uses (http://hl7.org/fhir/issue-type).</summary>
public static class IssueTypes
{
    /// <summary>The JSON or element structure is wrong: arrays, nulls, unknown elements, too many, wrong type.</summary>
    public const string Structure = "structure";

    /// <summary>A required element or slice is missing (too few).</summary>
    public const string Required = "required";

    /// <summary>A value is wrong: primitive format or range, fixed/pattern mismatch, malformed reference.</summary>
    public const string Value = "value";

    /// <summary>An invariant (FHIRPath constraint) is not met.</summary>
    public const string Invariant = "invariant";

    /// <summary>A code is not in the bound ValueSet.</summary>
    public const string CodeInvalid = "code-invalid";

    /// <summary>An extension is not allowed where it is used, or is unknown.</summary>
    public const string Extension = "extension";

    /// <summary>The validator could not process something (e.g. a profile for another type).</summary>
    public const string Processing = "processing";

    /// <summary>Something needed is not supported or not known (an unknown profile, a code system we do not hold).</summary>
    public const string NotSupported = "not-supported";
}
