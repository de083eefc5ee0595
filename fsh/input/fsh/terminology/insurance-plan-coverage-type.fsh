ValueSet: InsurancePlanCoverageTypeVS
Id: insurance-plan-coverage-type
Title: "Coverage Type (InsurancePlan)"
Description: "Coverage type of an InsurancePlan (product): medical."
* $insurance-plan-type#medical "Medical"
