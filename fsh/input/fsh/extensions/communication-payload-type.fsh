Extension: CommunicationPayloadTypeExtension
Id: communication-payload-type
Title: "Payload Type (Communication | CommunicationRequest)"
Description: "Which feedback question or answer a payload carries (care rendered, payment asked, drug prescribed, drug received, assessment)."
// 1.0.0 named the profiles OpenIMISCommunication and OpenIMISCommunicationRequest; it is used on their payload.
Context: Communication.payload, CommunicationRequest.payload
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/feedback-payload (required)
