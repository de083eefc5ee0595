namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>
/// Result of <see cref="TerminologyService.Contains"/>: the outcome, the display of the concept when it is a member
/// (from its code system when we hold it), and why the answer is unknown. A struct whose strings all come from the
/// loaded definitions, so checking a code allocates nothing.
/// </summary>
public readonly record struct ValueSetMembership(MembershipOutcome Outcome, string? Display, string? Reason)
{
    public bool IsMember => Outcome == MembershipOutcome.Member;

    public bool IsNotMember => Outcome == MembershipOutcome.NotMember;

    public bool IsUnknown => Outcome == MembershipOutcome.Unknown;

    internal static ValueSetMembership Member(string? display) => new(MembershipOutcome.Member, display, null);

    internal static ValueSetMembership NotMember { get; } = new(MembershipOutcome.NotMember, null, null);

    internal static ValueSetMembership Unknown(string reason) => new(MembershipOutcome.Unknown, null, reason);
}
