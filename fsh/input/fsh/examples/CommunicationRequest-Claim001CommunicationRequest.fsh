Instance: Claim001CommunicationRequest
InstanceOf: OpenIMISCommunicationRequest
Usage: #example
Title: "CommunicationRequest Claim001CommunicationRequest"
Description: "Claim001 is selected for feedback: enrolment officer Jeb Roberts is asked to collect John Doe's five answers."
* status = #active
* statusReason = FeedbackStatusCS#4 "Selected"
* subject = Reference(Patient/john-doe)
* about = Reference(Claim/Claim001)
* payload[CareRendered].extension[type].valueCodeableConcept = FeedbackPayloadCS#CareRendered
* payload[CareRendered].contentString = "Care Rendered? (yes|no)"
* payload[PaymentAsked].extension[type].valueCodeableConcept = FeedbackPayloadCS#PaymentAsked
* payload[PaymentAsked].contentString = "Payment Asked? (yes|no)"
* payload[DrugPrescribed].extension[type].valueCodeableConcept = FeedbackPayloadCS#DrugPrescribed
* payload[DrugPrescribed].contentString = "Drug Prescribed? (yes|no)"
* payload[DrugReceived].extension[type].valueCodeableConcept = FeedbackPayloadCS#DrugReceived
* payload[DrugReceived].contentString = "Drug Received? (yes|no)"
* payload[Asessment].extension[type].valueCodeableConcept = FeedbackPayloadCS#Asessment
* payload[Asessment].contentString = "Asessment? (0|1|2|3|4|5)"
* recipient = Reference(Practitioner/Roberts-Jeb-EO)
