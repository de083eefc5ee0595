CodeSystem: InsurancePlanCoverageBenefitLimitCS
Id: insurance-plan-coverage-benefit-limit
Title: "Coverage Benefit Limit Types (InsurancePlan)"
Description: "Kinds of limit on a benefit of an InsurancePlan (product) coverage."
* ^caseSensitive = true
* ^content = #complete
* #period "Period" "Duration of the period in months, in which a policy with the product will be valid."
* #memberCount "Member Count" "Maximal number of members of a household/group for the product."

ValueSet: InsurancePlanCoverageBenefitLimitVS
Id: insurance-plan-coverage-benefit-limit
Title: "Coverage Benefit Limit Types (InsurancePlan)"
Description: "Kinds of limit on a benefit of an InsurancePlan (product) coverage. All codes of the code system of the same id."
* include codes from system InsurancePlanCoverageBenefitLimitCS
