// Note: the service entry carries both category and productOrService, as the profile requires;
// core invariant ces-1 (category xor productOrService) therefore fails on it (see docs/ig-errata.md).
Instance: JoeDoeEnquiringResponse
InstanceOf: OpenIMISCoverageEligibilityResponse
Usage: #example
Title: "CoverageEligibilityResponse JoeDoeEnquiringResponse"
Description: "openIMIS's answer to JoeDoeEnquiring: the benefits left on John Doe's RX01 policy, and service A1 is not excluded."
* identifier[UUID].type = OpenIMISIdentifierCS#UUID
* identifier[UUID].value = "D30F70DF-D10B-43D4-9578-5137C118AD84"
* status = #active
* purpose = #benefits
* patient = Reference(Patient/john-doe)
* created = "2021-09-17"
* request = Reference(CoverageEligibilityRequest/JoeDoeEnquiring)
* outcome = #complete
* insurer = Reference(Organization/openIMIS-Implementation)
* insurance[0].coverage = Reference(Coverage/JoeDoeCoverage)
* insurance[0].benefitPeriod.start = "2021-07-01"
* insurance[0].benefitPeriod.end = "2022-06-30"
* insurance[0].item[benefit].category = CoverageItemCategoryCS#benefit "Benefit Package"
* insurance[0].item[benefit].name = "RX01"
* insurance[0].item[benefit].description = "Regional fixed enrolment"
* insurance[0].item[benefit].benefit[total][0].type = CoverageItemBenefitTypeCS#admissions_left "total_admissions"
* insurance[0].item[benefit].benefit[total][0].allowedUnsignedInt = 2
* insurance[0].item[benefit].benefit[total][1].type = CoverageItemBenefitTypeCS#consultations_left "total_consultations"
* insurance[0].item[benefit].benefit[total][1].allowedUnsignedInt = 4
* insurance[0].item[benefit].benefit[total][2].type = CoverageItemBenefitTypeCS#surgeries_left "total_surgeries"
* insurance[0].item[benefit].benefit[total][2].allowedUnsignedInt = 1
* insurance[0].item[benefit].benefit[total][3].type = CoverageItemBenefitTypeCS#deliveries_left "total_deliveries"
* insurance[0].item[benefit].benefit[total][3].allowedUnsignedInt = 1
* insurance[0].item[benefit].benefit[amount][0].type = CoverageItemBenefitTypeCS#hospitalization_amount "hospitalization_amount"
* insurance[0].item[benefit].benefit[amount][0].allowedMoney.value = 25000
* insurance[0].item[benefit].benefit[amount][0].allowedMoney.currency = #EUR
* insurance[0].item[benefit].benefit[amount][1].type = CoverageItemBenefitTypeCS#consultation_amount "consultation_amount"
* insurance[0].item[benefit].benefit[amount][1].allowedMoney.value = 15000
* insurance[0].item[benefit].benefit[amount][1].allowedMoney.currency = #EUR
* insurance[0].item[benefit].benefit[amount][2].type = CoverageItemBenefitTypeCS#surgery_amount "surgery_amount"
* insurance[0].item[benefit].benefit[amount][2].allowedMoney.value = 70000
* insurance[0].item[benefit].benefit[amount][2].allowedMoney.currency = #EUR
* insurance[0].item[benefit].benefit[amount][3].type = CoverageItemBenefitTypeCS#delivery_amount "delivery_amount"
* insurance[0].item[benefit].benefit[amount][3].allowedMoney.value = 15000
* insurance[0].item[benefit].benefit[amount][3].allowedMoney.currency = #EUR
* insurance[0].item[service].category = CoverageItemCategoryCS#service "Service"
* insurance[0].item[service].productOrService.text = "A1"
* insurance[0].item[service].excluded = false
