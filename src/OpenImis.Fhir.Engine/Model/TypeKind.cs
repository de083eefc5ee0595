namespace OpenImis.Fhir.Engine.Model;

public enum TypeKind
{
    /// <summary>boolean, string, date, ... (a FHIR primitive; its value is a System value).</summary>
    Primitive,
    /// <summary>A complex data type: HumanName, Quantity, Extension, ...</summary>
    Complex,
    /// <summary>A resource type: Patient, Bundle, DomainResource, Resource.</summary>
    Resource,
    /// <summary>An element defined inline in its parent (Patient.contact): BackboneElement or Element.</summary>
    Backbone,
}
