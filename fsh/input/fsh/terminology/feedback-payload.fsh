CodeSystem: FeedbackPayloadCS
Id: feedback-payload
Title: "Feedback Payload (CommunicationRequest | Communication)"
Description: "The questions of a claim feedback (payload of CommunicationRequest and Communication). The code `Asessment` keeps its published spelling: clients send it."
* ^caseSensitive = true
* ^content = #complete
// "Asessment" (sic) is the wire value openIMIS and its clients use: kept as published.
* #CareRendered "Care Rendered? (yes|no)"
* #PaymentAsked "Payment Asked? (yes|no)"
* #DrugPrescribed "Drug Prescribed? (yes|no)"
* #DrugReceived "Drug Received? (yes|no)"
* #Asessment "Asessment? (0|1|2|3|4|5)"

ValueSet: FeedbackPayloadVS
Id: feedback-payload
Title: "Feedback Payload (CommunicationRequest | Communication)"
Description: "The questions of a claim feedback (payload of CommunicationRequest and Communication). The code `Asessment` keeps its published spelling: clients send it. All codes of the code system of the same id."
* include codes from system FeedbackPayloadCS
