ValueSet: CoverageItemBenefitTypeAmountLeftVS
Id: coverage-item-benefit-type-amount-left
Title: "Type of benefit as amount left (Coverage)"
Description: "Benefit kinds of a Coverage (policy) given as an amount: amounts, deductions and ceilings."
* CoverageItemBenefitTypeCS#consultation_amount "consultation_amount"
* CoverageItemBenefitTypeCS#surgery_amount "surgery_amount"
* CoverageItemBenefitTypeCS#delivery_amount "delivery_amount"
* CoverageItemBenefitTypeCS#hospitalization_amount "hospitalization_amount"
* CoverageItemBenefitTypeCS#antenatal_amount "antenatal_amount"
* CoverageItemBenefitTypeCS#hospital_deduction "hospital_deduction"
* CoverageItemBenefitTypeCS#non_hospital_deduction "non_hospital_deduction"
* CoverageItemBenefitTypeCS#hospital_ceiling "hospital_ceiling"
* CoverageItemBenefitTypeCS#non_hospital_ceiling "non_hospital_ceiling"
