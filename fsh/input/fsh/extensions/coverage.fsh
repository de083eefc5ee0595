// Extensions on Coverage (openIMIS Policy).
// Context: the Coverage resource (1.0.0 named the profile OpenIMISCoverage, which is not an element path).
// coverage-date serves two slices of the Coverage profile (enrollDate, effectiveDate) under the same URL; telling
// them apart is the profile's business, the extension stays as published.

Extension: CoverageDateExtension
Id: coverage-date
Title: "Date (Coverage)"
Description: "A date of the policy (the profile uses it for the enrolment date and the effective date)."
Context: Coverage
* value[x] only date

Extension: CoveragPolicyStatusExtension
Id: coverage-policy-status
Title: "Policy Status (Coverage)"
Description: "The openIMIS status of the policy. Defined but used by no profile."
Context: Coverage
* value[x] only CodeableConcept
