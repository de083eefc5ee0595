Extension: ActivityDefinitionLevelExtension
Id: activity-definition-level
Title: "Level (ActivityDefinition)"
Description: "The level of care at which a medical service may be given."
// 1.0.0 named the profile OpenIMISActivityDefinition as context, which is not an element path.
Context: ActivityDefinition
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/activity-definition-level (required)
