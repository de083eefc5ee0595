CodeSystem: GroupConfirmationTypeCS
Id: group-confirmation-type
Title: "Confirmation Types (Group)"
Description: "Kind of authority that confirmed a family (Group). openIMIS installations may add codes."
* ^caseSensitive = true
* ^content = #complete
* #A "Local council"
* #B "Municipality"
* #C "State"
* #D "Other"

ValueSet: GroupConfirmationTypeVS
Id: group-confirmation-type
Title: "Confirmation Types (Group)"
Description: "Kind of authority that confirmed a family (Group). openIMIS installations may add codes. All codes of the code system of the same id."
* include codes from system GroupConfirmationTypeCS
