// Extensions on InsurancePlan (openIMIS Product).
// Context: the InsurancePlan resource (1.0.0 named the profile OpenIMISInsurancePlan, which is not an element path;
// max-installments allowed any Element).
// insurance-plan-period (4 slices) and insurance-plan-discount (2 slices) each serve several slices of the
// InsurancePlan profile under one URL; telling them apart is the profile's business, the extensions stay as published.

Extension: InsurancePlanConversionExtension
Id: insurance-plan-conversion
Title: "Conversion Product (InsurancePlan)"
Description: "The product that this product converts into when it ends."
Context: InsurancePlan
* value[x] only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-insurance-plan)

Extension: InsurancePlanDiscountExtension
Id: insurance-plan-discount
Title: "Discount (InsurancePlan)"
Description: "A discount on the contribution: its percentage and the period (in months) in which it applies. Complex extension."
Context: InsurancePlan
* extension contains
    Percentage 0..1 and
    Period 0..1
* extension[Percentage].value[x] only decimal
* extension[Percentage].valueDecimal ^short = "Discount percentage"
* extension[Period].value[x] only Quantity
* extension[Period].valueQuantity ^short = "Discount period"
* extension[Period].valueQuantity.value 1..1
* extension[Period].valueQuantity.unit = "months"

Extension: InsurancePlanMaxInstallmentsExtension
Id: insurance-plan-max-installments
Title: "Max Installments (InsurancePlan)"
Description: "The largest number of instalments in which the contribution may be paid."
Context: InsurancePlan
* value[x] 1..1
* value[x] only unsignedInt

Extension: InsurancePlanPeriodExtension
Id: insurance-plan-period
Title: "Period (InsurancePlan)"
Description: "A period of the product in months (the profile uses it for the administration period and the grace periods)."
Context: InsurancePlan
* value[x] only Quantity
* valueQuantity.value 1..1
* valueQuantity.unit = "months"

Extension: InsurancePlanStartCycleExtension
Id: insurance-plan-start-cycle
Title: "Cycle Start (InsurancePlan)"
Description: "A start date of the product's cycles, as dd-mm (e.g. 01-03)."
Context: InsurancePlan
* value[x] only string
