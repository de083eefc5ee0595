CodeSystem: OrganizationPHActivityCS
Id: organization-ph-activity
Title: "Activity (Organization)"
Description: "Business activity of a policy holder (Organization). openIMIS installations may add codes."
* ^caseSensitive = true
* ^content = #complete
* #1 "Retail"
* #2 "Industry"
* #3 "Building"
* #4 "Sailing"
* #5 "Services"

ValueSet: OrganizationPHActivityVS
Id: organization-ph-activity
Title: "Activity (Organization)"
Description: "Business activity of a policy holder (Organization). openIMIS installations may add codes. All codes of the code system of the same id."
* include codes from system OrganizationPHActivityCS
