CodeSystem: ClaimSupportingInfoCategoryCS
Id: claim-supporting-info-category
Title: "Category of the supporting info (Claim)"
Description: "Kind of supporting information attached to a Claim."
* ^caseSensitive = true
* ^content = #complete
* #explanation "Explanation"
* #justification "Justification"
* #attachment "Attachment"
* #guarantee "Guarantee"

ValueSet: ClaimSupportingInfoCategoryVS
Id: claim-supporting-info-category
Title: "Category of the supporting info (Claim)"
Description: "Kind of supporting information attached to a Claim. All codes of the code system of the same id."
* include codes from system ClaimSupportingInfoCategoryCS
