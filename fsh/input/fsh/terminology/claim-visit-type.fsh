CodeSystem: ClaimVisitTypeCS
Id: claim-visit-type
Title: "Visit Type (Claim)"
Description: "Type of visit a Claim is for: emergency, referral or other."
* ^caseSensitive = true
* ^content = #complete
* #E "Emergency"
* #R "Referrals"
* #O "Other"

ValueSet: ClaimVisitTypeVS
Id: claim-visit-type
Title: "Visit Type Codes (Claim)"
Description: "Type of visit a Claim is for: emergency, referral or other. All codes of the code system of the same id."
* include codes from system ClaimVisitTypeCS
