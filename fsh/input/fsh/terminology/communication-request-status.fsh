ValueSet: CommunicationRequestStatusVS
Id: communication-request-status
Title: "Claim Feedback Status (CommunicationRequest)"
Description: "Statuses of a claim feedback request (CommunicationRequest) that openIMIS uses."
* http://hl7.org/fhir/request-status#active "Active"
* http://hl7.org/fhir/request-status#revoked "Revoked"
* http://hl7.org/fhir/request-status#completed "Completed"
