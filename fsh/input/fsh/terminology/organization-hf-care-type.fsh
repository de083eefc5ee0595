CodeSystem: OrganizationHFCareTypeCS
Id: organization-hf-care-type
Title: "Health Facility Care Type (Organization)"
Description: "Care a health facility (Organization) gives: in-patient, out-patient or both."
* ^caseSensitive = true
* ^content = #complete
* #I "In-Patient"
* #O "Out-Patient"
* #B "Both"

ValueSet: OrganizationHFCareTypeVS
Id: organization-hf-care-type
Title: "Health Facility Care Type (Organization)"
Description: "Care a health facility (Organization) gives: in-patient, out-patient or both. All codes of the code system of the same id."
* include codes from system OrganizationHFCareTypeCS
