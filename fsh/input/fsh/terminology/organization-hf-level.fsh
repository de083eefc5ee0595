CodeSystem: OrganizationHFLevelCS
Id: organization-hf-level
Title: "Health Facility Level (Organization)"
Description: "Level of a health facility (Organization): dispensary, health centre or hospital."
* ^caseSensitive = true
* ^content = #complete
* #D "Dispensary"
* #C "Health Centre"
* #H "Hospital"

ValueSet: OrganizationHFLevelVS
Id: organization-hf-level
Title: "Health Facility Level (Organization)"
Description: "Level of a health facility (Organization): dispensary, health centre or hospital. All codes of the code system of the same id."
* include codes from system OrganizationHFLevelCS
