namespace OpenImis.Fhir.Engine.FhirPath.Ast;

/// <summary>A node of a parsed FHIRPath expression. <see cref="Position"/> is the 0-based offset in the text.</summary>
internal abstract record Node(int Position);
