ValueSet: InsurancePlanCoverageTypeVS
Id: insurance-plan-coverage-type
Title: "Coverage Type (InsurancePlan)"
Description: "Coverage type of an InsurancePlan (product): medical."
* http://terminology.hl7.org/CodeSystem/insurance-plan-type#medical "Medical"
