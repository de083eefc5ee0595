Profile: OpenIMISCommunication
Parent: Communication
Id: openimis-communication
Title: "openIMIS Communication"
Description: "An insuree's feedback on a claim: five answers (care rendered, payment asked, drug prescribed, drug received, assessment)."
* identifier 0..0
* instantiatesCanonical 0..0
* instantiatesUri 0..0
* basedOn 0..0
* partOf 0..0
* inResponseTo 0..0
* status = #completed
* statusReason 0..0
* category 0..0
* priority 0..0
* medium 0..0
* subject 1..1
* subject only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* topic 0..0
* about 1..1
* about only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-claim)
* encounter 0..0
* sent 0..0
* received 0..0
* recipient 0..0
* sender 0..0
* reasonCode 0..0
* reasonReference 0..0
* insert OpenIMISFeedbackPayloadB
* note 0..0
