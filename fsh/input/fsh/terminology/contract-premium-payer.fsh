CodeSystem: ContractPremiumPayerCS
Id: contract-premium-payer
Title: "Premium Payer (Contract)"
Description: "Who pays the premium of a Contract (policy). Further payers must match the payer list of the openIMIS installation. openIMIS installations may add codes."
* ^caseSensitive = true
* ^content = #complete
* #beneficiary "Beneficiary"

ValueSet: ContractPremiumPayerVS
Id: contract-premium-payer
Title: "Premium Payer (Contract)"
Description: "Who pays the premium of a Contract (policy). Further payers must match the payer list of the openIMIS installation. openIMIS installations may add codes. All codes of the code system of the same id."
* include codes from system ContractPremiumPayerCS
