ValueSet: CoverageItemBenefitTypeTotalLeftVS
Id: coverage-item-benefit-type-total-left
Title: "Type of benefit as total left (Coverage)"
Description: "Benefit kinds of a Coverage (policy) given as a count left: admissions, visits, consultations, surgeries, deliveries, antenatal care."
* CoverageItemBenefitTypeCS#admissions_left "total_admissions"
* CoverageItemBenefitTypeCS#visits_left "total_visits"
* CoverageItemBenefitTypeCS#consultations_left "total_consultations"
* CoverageItemBenefitTypeCS#surgeries_left "total_surgeries"
* CoverageItemBenefitTypeCS#deliveries_left "total_deliveries"
* CoverageItemBenefitTypeCS#antenatal_left "total_antenatal"
