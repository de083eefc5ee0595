// The ClaimResponse shares the id of the Claim it answers (openIMIS uses the claim UUID for both).
Instance: ClaimResponse001
InstanceOf: OpenIMISClaimResponse
Usage: #example
Title: "ClaimResponse Claim001"
Description: "openIMIS's answer to Claim001: both lines accepted and checked, 60 EUR."
* id = "Claim001"
* identifier[UUID].type = OpenIMISIdentifierCS#UUID
* identifier[UUID].value = "D30F70DF-D10B-43D4-BF31-5137C118AD83"
* identifier[Code].type = OpenIMISIdentifierCS#Code
* identifier[Code].value = "Code001"
* status = #active
* type = ClaimVisitTypeCS#O "Other"
* use = #claim
* patient = Reference(Patient/john-doe)
* created = "2021-09-17"
* insurer = Reference(Organization/openIMIS-Implementation)
* requestor = Reference(Practitioner/Rushila-Dani-CA)
* request = Reference(Claim/Claim001)
* outcome = #partial
* item[0].extension[itemReference].valueReference = Reference(ActivityDefinition/GeneralConsultationService)
* item[0].itemSequence = 1
* item[0].adjudication[0].category = ClaimStatusCS#4 "Checked"
* item[0].adjudication[0].reason = ClaimRejectionReasonsCS#0 "ACCEPTED"
* item[0].adjudication[0].amount.value = 40
* item[0].adjudication[0].amount.currency = #EUR
* item[0].adjudication[0].value = 1
* item[1].extension[itemReference].valueReference = Reference(Medication/AspirinMedication)
* item[1].itemSequence = 2
* item[1].adjudication[0].category = ClaimStatusCS#4 "Checked"
* item[1].adjudication[0].reason = ClaimRejectionReasonsCS#0 "ACCEPTED"
* item[1].adjudication[0].amount.value = 10
* item[1].adjudication[0].amount.currency = #EUR
* item[1].adjudication[0].value = 2
* total[0].category = ClaimStatusCS#4 "Checked"
* total[0].amount.value = 60
* total[0].amount.currency = #EUR
* communicationRequest = Reference(CommunicationRequest/Claim001CommunicationRequest)
