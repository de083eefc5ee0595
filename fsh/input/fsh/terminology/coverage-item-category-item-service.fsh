ValueSet: CoverageItemCategoryItemServiceVS
Id: coverage-item-category-item-service
Title: "Partial categories of the item (Coverage)"
Description: "Coverage entry categories for medical items and services only (no benefit package)."
* CoverageItemCategoryCS#item "Item"
* CoverageItemCategoryCS#service "Service"
