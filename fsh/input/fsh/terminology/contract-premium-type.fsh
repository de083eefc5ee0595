CodeSystem: ContractPremiumTypeCS
Id: contract-premium-type
Title: "Premium Type (Contract)"
Description: "How the premium of a Contract (policy) is paid."
* ^caseSensitive = true
* ^content = #complete
* #C "Cash"
* #B "Bank Transfer"
* #M "Mobile Phone"

ValueSet: ContractPremiumTypeVS
Id: contract-premium-type
Title: "Premium Type (Contract)"
Description: "How the premium of a Contract (policy) is paid. All codes of the code system of the same id."
* include codes from system ContractPremiumTypeCS
