CodeSystem: ClaimRejectionReasonsCS
Id: claim-rejection-reasons
Title: "Rejection Reasons (Claim)"
Description: "Why openIMIS rejected a Claim item or service (0 = accepted); the codes are the openIMIS rejection numbers."
* ^caseSensitive = true
* ^content = #complete
* #-1 "REJECTED BY MEDICAL OFFICER"
* #0 "ACCEPTED"
* #1 "INVALID ITEM OR SERVICE"
* #2 "NOT IN PRICE LIST"
* #3 "NO PRODUCT FOUND"
* #4 "CATEGORY LIMITATION"
* #5 "FREQUENCY FAILURE"
* #6 "DUPLICATED"
* #7 "FAMILY"
* #8 "DIAGNOSIS NOT IN LIST"
* #9 "TARGET DATE"
* #10 "CARE TYPE"
* #11 "MAX HOSPITAL ADMISSIONS"
* #12 "MAX VISITS"
* #13 "MAX CONSULTATIONS"
* #14 "MAX SURGERIES"
* #15 "MAX DELIVERIES"
* #16 "QTY OVER LIMIT"
* #17 "WAITING PERIOD FAIL"
* #19 "MAX ANTENATAL"

ValueSet: ClaimRejectionReasonsVS
Id: claim-rejection-reasons
Title: "Rejection reasons (Claim)"
Description: "Why openIMIS rejected a Claim item or service (0 = accepted); the codes are the openIMIS rejection numbers. All codes of the code system of the same id."
* include codes from system ClaimRejectionReasonsCS
