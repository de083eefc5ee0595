Profile: OpenIMISClaimResponse
Parent: ClaimResponse
Id: openimis-claim-response
Title: "openIMIS Claim Response"
Description: "The result of openIMIS checking and valuating a claim: per-line adjudication and totals."
* id ^short = "Claim UUID"
* id ^definition = "The UUID openIMIS gave the claim this response is about."
* insert OpenIMISIdentifierSlicingB
* identifier 2..2 MS
* identifier contains Code 1..1 MS and UUID 1..1
* insert OpenIMISIdentifierSliceB(Code)
* identifier[Code].type.coding.code ^short = "Claim code (openIMIS)"
* insert OpenIMISIdentifierSliceB(UUID)
* identifier[UUID].type.coding.code ^short = "Claim UUID (openIMIS)"
* status = #active
* status ^short = "Always active"
* type.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/claim-visit-type (required)
* type.coding ^short = "Visit type (emergency, referral, other)"
* subType 0..0
* use = #claim
* use ^short = "openIMIS handles claims only"
* patient only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* created ^short = "Date the response was made"
* insurer only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-insurance-organization)
* insurer ^short = "The openIMIS implementation (one insurer per instance)"
* requestor 1..1
* requestor only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-claim-administrator-practitioner)
* request 1..1
* outcome ^definition = "Derived from the openIMIS claim status: queued = entered; complete = valuated or rejected; partial = checked or processed."
* disposition 0..0
* preAuthRef 0..0
* preAuthPeriod 0..0
* payeeType 0..0
* item 1..*
* item.extension contains https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/claim-item-reference named itemReference 1..1
* item.extension[itemReference] ^short = "The Medication or ActivityDefinition claimed"
* item.noteNumber 0..0
* item.adjudication ..4
* item.adjudication.category from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/claim-status (required)
* item.adjudication.reason 1..1
* item.adjudication.reason.coding 1..1
* item.adjudication.reason.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/claim-rejection-reasons (required)
* item.adjudication.reason.coding ^short = "Rejection reason (0 = accepted)"
* item.adjudication.reason.text ^short = "Reviewer's justification for this line"
* item.adjudication.amount 1..1
* item.adjudication.amount ^short = "Unit price"
* item.adjudication.amount.value 1..1
* item.adjudication.value 1..1
* item.adjudication.value ^short = "Quantity provided"
* item.detail 0..0
* addItem 0..0
* adjudication 0..0
* total 1..4
* total.category from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/claim-status (required)
* total.amount.value 1..1
* payment 0..0
* fundsReserve 0..0
* formCode 0..0
* form 0..0
* processNote ..1
* processNote.number 0..0
* processNote.type 0..0
* processNote.text ^short = "Reason for adjusting the claim"
* processNote.language 0..0
* communicationRequest ..1
* communicationRequest only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-communication-request)
* communicationRequest ^short = "Feedback request (only for users with the claim feedback right)"
* insurance 0..0
* error 0..0
