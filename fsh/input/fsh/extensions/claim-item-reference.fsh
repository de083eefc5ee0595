Extension: ClaimItemReferenceExtension
Id: claim-item-reference
Title: "Item Reference (Claim | ClaimResponse)"
Description: "The medical item (Medication) or medical service (ActivityDefinition) that a claim item, or its adjudication, is about."
// 1.0.0 allowed it on any BackboneElement; it is used on Claim.item and ClaimResponse.item.
Context: Claim.item, ClaimResponse.item
* value[x] only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-medication or https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-activitiy-definition)
