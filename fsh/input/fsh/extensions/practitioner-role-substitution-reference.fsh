Extension: PractitionerRoleSubstitutionReferenceExtension
Id: practitioner-role-substitution-reference
Title: "Substitution Reference (PractitionerRole)"
Description: "The enrolment officer who stands in for this enrolment officer."
// 1.0.0 named the Practitioner profile OpenIMISEnrolmentOfficerPractitioner; it is used on PractitionerRole.
Context: PractitionerRole
* value[x] only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-enrolment-officer-practitioner)
