Instance: Claim001Communication
InstanceOf: OpenIMISCommunication
Usage: #example
Title: "Communication Claim001Communication"
Description: "John Doe's feedback on Claim001: care rendered, no payment asked, drug prescribed and received, assessment 4."
* status = #completed
* subject = Reference(Patient/john-doe)
* about = Reference(Claim/Claim001)
* payload[CareRendered].extension[type].valueCodeableConcept = FeedbackPayloadCS#CareRendered
* payload[CareRendered].contentString = "yes"
* payload[PaymentAsked].extension[type].valueCodeableConcept = FeedbackPayloadCS#PaymentAsked
* payload[PaymentAsked].contentString = "no"
* payload[DrugPrescribed].extension[type].valueCodeableConcept = FeedbackPayloadCS#DrugPrescribed
* payload[DrugPrescribed].contentString = "yes"
* payload[DrugReceived].extension[type].valueCodeableConcept = FeedbackPayloadCS#DrugReceived
* payload[DrugReceived].contentString = "yes"
* payload[Asessment].extension[type].valueCodeableConcept = FeedbackPayloadCS#Asessment
* payload[Asessment].contentString = "4"
