CodeSystem: ContractResourcePartyRoleCS
Id: contract-resource-party-role
Title: "Resource Party Role (Contract)"
Description: "Role of a party in a Contract term."
* ^caseSensitive = true
* ^content = #complete
* #beneficiary "Beneficiary"

ValueSet: ContractResourcePartyRoleVS
Id: contract-resource-party-role
Title: "Resource Party Role (Contract)"
Description: "Role of a party in a Contract term. All codes of the code system of the same id."
* include codes from system ContractResourcePartyRoleCS
