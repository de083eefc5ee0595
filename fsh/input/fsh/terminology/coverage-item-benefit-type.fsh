CodeSystem: CoverageItemBenefitTypeCS
Id: coverage-item-benefit-type
Title: "Type of benefit (Coverage)"
Description: "Kinds of benefit reported for a Coverage (policy): counts and amounts left, deductions, ceilings, items left."
* ^caseSensitive = true
* ^content = #complete
* #admissions_left "total_admissions"
* #visits_left "total_visits"
* #consultations_left "total_consultations"
* #surgeries_left "total_surgeries"
* #deliveries_left "total_deliveries"
* #antenatal_left "total_antenatal"
* #consultation_amount "consultation_amount"
* #surgery_amount "surgery_amount"
* #delivery_amount "delivery_amount"
* #hospitalization_amount "hospitalization_amount"
* #antenatal_amount "antenatal_amount"
* #total_deduction "total_deduction"
* #hospital_deduction "hospital_deduction"
* #non_hospital_deduction "non_hospital_deduction"
* #total_ceiling "total_ceiling"
* #hospital_ceiling "hospital_ceiling"
* #non_hospital_ceiling "non_hospital_ceiling"
* #item_left "Items left"
* #min_date_item "Mininum date"

ValueSet: CoverageItemBenefitTypeItemServiceVS
Id: coverage-item-benefit-type
Title: "Type of benefit (Coverage)"
Description: "Benefit kinds of a Coverage (policy) for its medical item and service entries: items left and minimum date."
* CoverageItemBenefitTypeCS#item_left "Items left"
* CoverageItemBenefitTypeCS#min_date_item "Mininum date"
