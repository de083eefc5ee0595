ValueSet: InsurancePlanPublicationStatusVS
Id: insurance-plan-publication-status
Title: "Publication Status (InsurancePlan)"
Description: "Publication statuses of an InsurancePlan (product) that openIMIS uses."
* http://hl7.org/fhir/publication-status#draft "Draft"
* http://hl7.org/fhir/publication-status#active "Active"
* http://hl7.org/fhir/publication-status#retired "Retired"
