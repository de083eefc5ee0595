ValueSet: CoverageStatusVS
Id: coverage-status
Title: "Coverage Status (Coverage)"
Description: "Statuses of a Coverage (policy) that openIMIS uses."
* http://hl7.org/fhir/fm-status#active "Active"
* http://hl7.org/fhir/fm-status#cancelled "Cancelled"
* http://hl7.org/fhir/fm-status#draft "Draft"
