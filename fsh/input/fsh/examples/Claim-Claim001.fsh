Instance: Claim001
InstanceOf: OpenIMISClaim
Usage: #example
Title: "Claim Claim001"
Description: "A claim from Rapta District Hospital for John Doe: one general consultation and two aspirin tablets, 60 EUR."
* identifier[Code].type = OpenIMISIdentifierCS#Code
* identifier[Code].value = "Code001"
* status = #active
* type = ClaimVisitTypeCS#O "Other"
* use = #claim
* patient = Reference(Patient/john-doe)
* billablePeriod.start = "2021-09-15"
* billablePeriod.end = "2021-09-15"
* created = "2021-09-16"
* enterer = Reference(Practitioner/Rushila-Dani-CA)
* provider = Reference(Organization/RaptaDistrictHospital)
* priority = http://terminology.hl7.org/CodeSystem/processpriority#normal "Normal"
* supportingInfo[explanation].sequence = 1
* supportingInfo[explanation].category = ClaimSupportingInfoCategoryCS#explanation "Explanation"
* supportingInfo[explanation].valueString = "The patient was complaining of head pain"
* diagnosis[0].sequence = 1
* diagnosis[0].diagnosisCodeableConcept = DiagnosisICD10Level1CS#G44 "Other headache syndromes"
* insurance[0].sequence = 1
* insurance[0].focal = true
* insurance[0].coverage = Reference(Coverage/JoeDoeCoverage)
* item[0].extension[itemReference].valueReference = Reference(ActivityDefinition/GeneralConsultationService)
* item[0].sequence = 1
* item[0].category = ClaimItemCategoryCS#service "Service"
* item[0].productOrService.text = "General Consultation"
* item[0].quantity.value = 1
* item[0].unitPrice.value = 40
* item[0].unitPrice.currency = #EUR
* item[1].extension[itemReference].valueReference = Reference(Medication/AspirinMedication)
* item[1].sequence = 2
* item[1].category = ClaimItemCategoryCS#item "Item"
* item[1].productOrService.text = "ACETYLSALICYLIC ACID (ASPIRIN) TABS 300MG"
* item[1].quantity.value = 2
* item[1].unitPrice.value = 10
* item[1].unitPrice.currency = #EUR
* total.value = 60
* total.currency = #EUR
