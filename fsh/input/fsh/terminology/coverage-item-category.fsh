CodeSystem: CoverageItemCategoryCS
Id: coverage-item-category
Title: "Category of the item (Coverage)"
Description: "Category of an entry of a Coverage (policy): medical item, medical service or benefit package."
* ^caseSensitive = true
* ^content = #complete
* #item "Item"
* #service "Service"
* #benefit "Benefit Package"

ValueSet: CoverageItemCategoryVS
Id: coverage-item-category
Title: "Category of the item (Coverage)"
Description: "Category of an entry of a Coverage (policy): medical item, medical service or benefit package. All codes of the code system of the same id."
* include codes from system CoverageItemCategoryCS
