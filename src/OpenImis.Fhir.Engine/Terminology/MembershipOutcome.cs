namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>The answer to "is this code in that ValueSet". Unknown is the default, so an unset result never says Member.</summary>
public enum MembershipOutcome
{
    /// <summary>We cannot tell: the ValueSet is not held, or it draws on a code system we do not hold or cannot expand.</summary>
    Unknown = 0,

    Member,

    NotMember,
}
