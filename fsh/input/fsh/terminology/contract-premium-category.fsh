CodeSystem: ContractPremiumCategoryCS
Id: contract-premium-category
Title: "Premium Category (Contract)"
Description: "Category of a premium paid for a Contract (policy)."
* ^caseSensitive = true
* ^content = #complete
* #C "Contribution and Others"
* #P "Photo Fee"

ValueSet: ContractPremiumCategoryVS
Id: contract-premium-category
Title: "Premium Category (Contract)"
Description: "Category of a premium paid for a Contract (policy). All codes of the code system of the same id."
* include codes from system ContractPremiumCategoryCS
