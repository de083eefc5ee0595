CodeSystem: InsurancePlanGeneralCostTypeCS
Id: insurance-plan-general-cost-type
Title: "General Cost Type (InsurancePlan)"
Description: "Kinds of general cost (premiums, lump sums, fees) of an InsurancePlan (product)."
* ^caseSensitive = true
* ^content = #complete
* #lumpsum "Lumpsum"
* #premiumAdult "Premium Adult"
* #premiumChild "Premium Child"
* #registrationLumpsum "Registration Lumpsum"
* #registrationFee "Registration Fee"
* #generalAssemblyLumpSum "General Assembly Lump Sum"
* #generalAssemblyFee "General Assembly Fee"

ValueSet: InsurancePlanGeneralCostTypeVS
Id: insurance-plan-general-cost-type
Title: "General Cost Type (InsurancePlan)"
Description: "Kinds of general cost (premiums, lump sums, fees) of an InsurancePlan (product). All codes of the code system of the same id."
* include codes from system InsurancePlanGeneralCostTypeCS
