Profile: OpenIMISCoverageEligibilityResponse
Parent: CoverageEligibilityResponse
Id: openimis-coverage-eligibility-response
Title: "openIMIS CoverageEligibilityResponse"
Description: "openIMIS's answer to an eligibility enquiry: per policy, the benefits left and, if asked, whether the item/service is covered."
* insert OpenIMISIdentifierSlicingB
* identifier 1..1
* identifier contains UUID 1..1
* insert OpenIMISIdentifierSliceB(UUID)
* identifier[UUID].type.coding.code ^short = "UUID given by the external system"
* status = #active
* purpose ..1
* purpose = #benefits
* patient only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* serviced[x] 0..0
* requestor 0..0
* request only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-coverage-eligibility-request)
* outcome = #complete
* disposition 0..0
* insurer only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-insurance-organization)
* insurer ^short = "The openIMIS implementation (one insurer per instance)"
* insurance.coverage only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-coverage)
* insurance.inforce 0..0
* insurance.benefitPeriod 1..1
* insurance.benefitPeriod.start 1..1
* insurance.benefitPeriod.start ^short = "First day of the benefits (effective date)"
* insurance.benefitPeriod.end 1..1
* insurance.benefitPeriod.end ^short = "Last day of the benefits (expiry date)"
* insurance.item 1..3
* insert OpenIMISValueSlicingB(insurance.item, category.coding.code)
* insurance.item.category from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/coverage-item-category (required)
* insurance.item.modifier 0..0
* insurance.item.provider 0..0
* insurance.item.network 0..0
* insurance.item.unit 0..0
* insurance.item.term 0..0
* insurance.item.authorizationRequired 0..0
* insurance.item.authorizationSupporting 0..0
* insurance.item.authorizationUrl 0..0
* insurance.item contains benefit 1..1 and item 0..1 and service 0..1
// benefit: the product and the counts/amounts left
* insurance.item[benefit] ^short = "Benefits left on the policy"
* insurance.item[benefit].category = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/coverage-item-category#benefit "Benefit Package"
* insurance.item[benefit].category.coding.code = #benefit
* insurance.item[benefit].productOrService 0..0
* insurance.item[benefit].excluded 0..0
* insurance.item[benefit].name 1..1
* insurance.item[benefit].name ^short = "Product code"
* insurance.item[benefit].description 1..1
* insurance.item[benefit].description ^short = "Product name"
* insurance.item[benefit].benefit ..11
* insurance.item[benefit].benefit ^slicing.discriminator[0].type = #type
* insurance.item[benefit].benefit ^slicing.discriminator[0].path = "allowed[x]"
* insurance.item[benefit].benefit ^slicing.rules = #closed
* insurance.item[benefit].benefit.used[x] 0..0
* insurance.item[benefit].benefit contains total 0..6 and amount 0..5
* insurance.item[benefit].benefit[total].type from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/coverage-item-benefit-type-total-left (required)
* insurance.item[benefit].benefit[total].allowed[x] 1..1
* insurance.item[benefit].benefit[total].allowed[x] only unsignedInt
* insurance.item[benefit].benefit[amount].type from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/coverage-item-benefit-type-amount-left (required)
* insurance.item[benefit].benefit[amount].allowed[x] 1..1
* insurance.item[benefit].benefit[amount].allowed[x] only Money
* insurance.item[benefit].benefit[amount].allowedMoney.value 1..1
* insert OpenIMISEligibilityItemB(item, Item)
* insert OpenIMISEligibilityItemB(service, Service)
* preAuthRef 0..0
* form 0..0
* error 0..0
