CodeSystem: ClaimItemCategoryCS
Id: claim-item-category
Title: "Category of the item (Claim)"
Description: "Whether a Claim line is a medical item or a medical service."
* ^caseSensitive = true
* ^content = #complete
* #item "Item"
* #service "Service"

ValueSet: ClaimItemCategoryVS
Id: claim-item-category
Title: "Category of the item (Claim)"
Description: "Whether a Claim line is a medical item or a medical service. All codes of the code system of the same id."
* include codes from system ClaimItemCategoryCS
