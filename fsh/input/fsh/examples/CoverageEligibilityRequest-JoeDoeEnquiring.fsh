Instance: JoeDoeEnquiring
InstanceOf: OpenIMISCoverageEligibilityRequest
Usage: #example
Title: "CoverageEligibilityRequest JoeDoeEnquiring"
Description: "Asks openIMIS which benefits John Doe has left and whether service A1 (general consultation) is covered."
* identifier[UUID].type = OpenIMISIdentifierCS#UUID
* identifier[UUID].value = "D30F70DF-D10B-43D4-9578-5137C118AD84"
* status = #active
* purpose = #benefits
* patient = Reference(Patient/john-doe)
* created = "2021-09-17"
* insurer = Reference(Organization/openIMIS-Implementation)
* item[service].category = CoverageItemCategoryCS#service "Service"
* item[service].productOrService.text = "A1"
