Profile: OpenIMISInsurancePlan
Parent: InsurancePlan
Id: openimis-insurance-plan
Title: "openIMIS Insurance Plan"
Description: "An openIMIS product: where and when it is offered, its insurance period, its contributions and fees."
* id ^short = "Product UUID"
* id ^definition = "The UUID openIMIS gave the product."
* extension 1..*
* extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/insurance-plan-conversion named conversion 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/insurance-plan-max-installments named maxInstallments 1..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/insurance-plan-start-cycle named startCycle 0..4 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/insurance-plan-period named period 0..4 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/insurance-plan-discount named discount 0..2
* extension[conversion] ^short = "Product that replaces this one at renewal after its end"
* extension[maxInstallments] ^short = "Most instalments a policy's contribution may be paid in"
* extension[startCycle] ^short = "Cycle start dates (dd-mm)"
* extension[startCycle] ^definition = "Day and month on which a cycle starts; with start dates, policies start at the next cycle start rather than at enrolment."
// administration period and the three grace periods share one extension URL and carry nothing that
// tells them apart, so they form one slice; the meaning is given by position.
* extension[period] ^short = "Administration period, then grace periods for payment, renewal, enrolment (months)"
* extension[period] ^definition = "Up to four durations in months, in this order: administration period (added to the enrolment date to get the start date), grace period for payment, grace period for renewal, grace period for enrolment. The entries carry nothing else that tells them apart."
// renewal and enrolment discounts: same situation.
* extension[discount] ^short = "Renewal discount, then enrolment discount"
* extension[discount] ^definition = "Up to two discounts, in this order: the discount on renewals, then the discount on enrolments. The entries carry nothing else that tells them apart."
* insert OpenIMISIdentifierSlicingB
* identifier 1..* MS
* identifier contains Code 1..1 MS and UUID 0..1
* insert OpenIMISIdentifierSliceB(Code)
* identifier[Code].type.coding.code ^short = "Product code (openIMIS)"
* insert OpenIMISIdentifierSliceB(UUID)
* identifier[UUID].type.coding.code ^short = "Product UUID (openIMIS)"
* status 1..1
* status from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/insurance-plan-publication-status (required)
* type 1..1
* type from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/insurance-plan-coverage-type (required)
* type ^short = "Kind of plan (medical only for now)"
* name 1..1
* alias 0..0
* period 1..1
* period.start 1..1
* period.start ^short = "First day the product is valid"
* period.end 1..1
* period.end ^short = "Last day the product is valid"
* ownedBy 0..0
* administeredBy 0..0
* coverageArea 1..1
* coverageArea only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-location)
* contact 0..0
* endpoint 0..0
* network 0..0
* coverage 1..1
* coverage.type from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/insurance-plan-coverage-type (required)
* coverage.network 0..0
* coverage.benefit ..1
* coverage.benefit.type from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/insurance-plan-coverage-type (required)
* coverage.benefit.requirement 0..0
* coverage.benefit.limit 1..2
* insert OpenIMISValueSlicingB(coverage.benefit.limit, code.coding.code)
* coverage.benefit.limit.code 1..1
* coverage.benefit.limit.code from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/insurance-plan-coverage-benefit-limit (required)
* coverage.benefit.limit contains period 1..1 and memberCount 0..1
* coverage.benefit.limit[period].value 1..1
* coverage.benefit.limit[period].value ^short = "Insurance period in months (insurancePeriod)"
* coverage.benefit.limit[period].code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/insurance-plan-coverage-benefit-limit#period "Period"
* coverage.benefit.limit[period].code.coding.code = #period
* coverage.benefit.limit[memberCount].value 1..1
* coverage.benefit.limit[memberCount].value ^short = "Most members of a family/group (memberCount)"
* coverage.benefit.limit[memberCount].code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/insurance-plan-coverage-benefit-limit#memberCount "Member Count"
* coverage.benefit.limit[memberCount].code.coding.code = #memberCount
* plan 1..1
* plan.identifier 0..0
* plan.type 0..0
* plan.coverageArea 0..0
* plan.network 0..0
* plan.generalCost 1..*
* insert OpenIMISValueSlicingB(plan.generalCost, type.coding.code)
* plan.generalCost.type 1..1
* plan.generalCost.type from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/insurance-plan-general-cost-type (required)
* plan.generalCost.cost 1..1
* plan.generalCost.comment 0..0
* plan.generalCost contains lumpsum 1..1 and premiumAdult 0..1 and premiumChild 0..1 and registrationLumpsum 0..1 and registrationFee 0..1 and generalAssemblyLumpSum 0..1 and generalAssemblyFee 0..1
* insert OpenIMISGeneralCostB(lumpsum, Lumpsum)
* plan.generalCost[lumpsum].groupSize 1..1
* plan.generalCost[lumpsum].groupSize ^short = "Threshold: members covered by the lump sum"
* insert OpenIMISGeneralCostB(premiumAdult, Premium Adult)
* plan.generalCost[premiumAdult].groupSize 0..0
* insert OpenIMISGeneralCostB(premiumChild, Premium Child)
* plan.generalCost[premiumChild].groupSize 0..0
* insert OpenIMISGeneralCostB(registrationLumpsum, Registration Lumpsum)
* plan.generalCost[registrationLumpsum].groupSize 0..0
* insert OpenIMISGeneralCostB(registrationFee, Registration Fee)
* plan.generalCost[registrationFee].groupSize 0..0
* insert OpenIMISGeneralCostB(generalAssemblyLumpSum, General Assembly Lump Sum)
* plan.generalCost[generalAssemblyLumpSum].groupSize 0..0
* insert OpenIMISGeneralCostB(generalAssemblyFee, General Assembly Fee)
* plan.generalCost[generalAssemblyFee].groupSize 0..0
* plan.specificCost 0..0
