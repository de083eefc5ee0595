Profile: OpenIMISCommunicationRequest
Parent: CommunicationRequest
Id: openimis-communication-request
Title: "openIMIS CommunicationRequest"
Description: "A request that the enrolment officer collect an insuree's feedback on a claim; the five payloads carry the questions."
* identifier 0..0
* basedOn 0..0
* replaces 0..0
* groupIdentifier 0..0
* status from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/communication-request-status (required)
* status ^short = "active | completed | revoked"
* status ^definition = "Feedback state of the claim: active = feedback selected; completed = feedback delivered; revoked = feedback bypassed."
* statusReason 1..1
* statusReason from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/feedback-status (required)
* category 0..0
* priority 0..0
* doNotPerform 0..0
* medium 0..0
* subject 1..1
* subject only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* about 1..1
* about only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-claim)
* encounter 0..0
* insert OpenIMISFeedbackPayloadB
* payload[CareRendered].content[x] = "Care Rendered? (yes|no)"
* payload[PaymentAsked].content[x] = "Payment Asked? (yes|no)"
* payload[DrugPrescribed].content[x] = "Drug Prescribed? (yes|no)"
* payload[DrugReceived].content[x] = "Drug Received? (yes|no)"
* payload[Asessment].content[x] = "Asessment? (0|1|2|3|4|5)"
* occurrence[x] 0..0
* authoredOn 0..0
* requester 0..0
* recipient 1..1
* recipient only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-enrolment-officer-practitioner)
* recipient ^short = "Enrolment officer who enrolled the insuree"
* sender 0..0
* reasonCode 0..0
* reasonReference 0..0
* note 0..0
