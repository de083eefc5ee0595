CodeSystem: OrganizationHFLegalFormCS
Id: organization-hf-legal-form
Title: "Legal Forms (Health Facility Organization)"
Description: "Legal form of a health facility (Organization). openIMIS installations may add codes."
* ^caseSensitive = true
* ^content = #complete
* #C "Charity"
* #D "District organization"
* #G "Government"
* #P "Private organization"

ValueSet: OrganizationHFLegalFormVS
Id: organization-hf-legal-form
Title: "Legal Forms (Health Facility Organization)"
Description: "Legal form of a health facility (Organization). openIMIS installations may add codes. All codes of the code system of the same id."
* include codes from system OrganizationHFLegalFormCS
