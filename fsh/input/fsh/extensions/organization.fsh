// Extensions on Organization: health facility (hf) and policy holder (ph).
// Context: the Organization resource (1.0.0 named the profiles instead, which is not an element path).

Extension: OrganizationHFCareTypeExtension
Id: organization-hf-care-type
Title: "Health Facility Care Type (Organization)"
Description: "The kind of care a health facility gives (in-patient, out-patient or both)."
Context: Organization
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/organization-hf-care-type (required)

Extension: OrganizationHFLegalFormExtension
Id: organization-hf-legal-form
Title: "Legal Form (Health Facility Organization)"
Description: "The legal form of a health facility."
Context: Organization
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/organization-hf-legal-form (example)

Extension: OrganizationHFLevelExtension
Id: organization-hf-level
Title: "Health Facility Level (Organization)"
Description: "The level of a health facility (e.g. health centre, hospital, dispensary)."
Context: Organization
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/organization-hf-level (required)

Extension: OrganizationPHActivityExtension
Id: organization-ph-activity
Title: "Activity (Policy Holder Organization)"
Description: "The economic activity of a policy holder."
Context: Organization
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/organization-ph-activity (example)

Extension: OrganizationPHLegalFormExtension
Id: organization-ph-legal-form
Title: "Legal Form (Policy Holder Organization)"
Description: "The legal form of a policy holder."
Context: Organization
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/organization-ph-legal-form (example)
