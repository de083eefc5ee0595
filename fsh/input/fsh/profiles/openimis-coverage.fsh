Profile: OpenIMISCoverage
Parent: Coverage
Id: openimis-coverage
Title: "openIMIS Coverage"
Description: "An openIMIS policy: who is covered by which product, for which period."
* id ^short = "Coverage UUID"
* id ^definition = "The UUID openIMIS gave the policy."
// enrolment date and effective date share one extension URL and nothing in the data tells them
// apart, so they form one slice of two entries: first the enrolment date, then the effective date.
* extension contains https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/coverage-date named coverageDate 2..2
* extension[coverageDate] ^short = "Enrolment date, then effective date"
* extension[coverageDate] ^definition = "Exactly two entries, in this order: the date of enrolment, then the date from which the policy is effective."
* insert OpenIMISIdentifierSlicingB
* identifier 1..1 MS
* identifier contains UUID 1..1
* insert OpenIMISIdentifierSliceB(UUID)
* identifier[UUID].type.coding.code ^short = "Policy UUID (openIMIS)"
* status from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/coverage-status (required)
* status ^short = "active | cancelled | draft"
* status ^definition = "Policy state: active = active or expired; cancelled = suspended; draft = idle."
* type 0..0
* policyHolder only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* subscriber 0..0
* subscriberId 0..0
* beneficiary only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* dependent 0..0
* relationship 0..0
* period 1..1
* period.start 1..1
* period.start ^short = "Start date (Policy.StartDate)"
* period.end 1..1
* period.end ^short = "Expiry date (Policy.ExpiryDate)"
* payor ..1
* payor only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient or https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-policy-holder-organization)
* class 1..1
* class.type = http://terminology.hl7.org/CodeSystem/coverage-class#plan "Plan"
* class.value ^short = "Product code"
* class.name 1..1
* class.name ^short = "Product name"
* order 0..0
* network 0..0
* costToBeneficiary 0..0
* subrogation 0..0
* contract 0..0
