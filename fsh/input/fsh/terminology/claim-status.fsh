CodeSystem: ClaimStatusCS
Id: claim-status
Title: "Status of the claim (Claim|ClaimResponse)"
Description: "Status of a claim in openIMIS (rejected, entered, checked, processed, valuated); the codes are the openIMIS status numbers."
* ^caseSensitive = true
* ^content = #complete
* #1 "Rejected"
* #2 "Entered"
* #4 "Checked"
* #8 "Processed"
* #16 "Valuated"

ValueSet: ClaimStatusVS
Id: claim-status
Title: "Status of the claim (Claim|ClaimResponse)"
Description: "Status of a claim in openIMIS (rejected, entered, checked, processed, valuated); the codes are the openIMIS status numbers. All codes of the code system of the same id."
* include codes from system ClaimStatusCS
