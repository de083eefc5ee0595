CodeSystem: OrganizationPHLegalFormCS
Id: organization-ph-legal-form
Title: "Legal Forms (Policy Holder Organization)"
Description: "Legal form of a policy holder (Organization). openIMIS installations may add codes."
* ^caseSensitive = true
* ^content = #complete
* #1 "Personal Company"
* #2 "Limited Risk Company"
* #3 "Association"
* #4 "Government"
* #5 "Union"

ValueSet: OrganizationPHLegalFormVS
Id: organization-ph-legal-form
Title: "Legal Forms (Policy Holder Organization)"
Description: "Legal form of a policy holder (Organization). openIMIS installations may add codes. All codes of the code system of the same id."
* include codes from system OrganizationPHLegalFormCS
