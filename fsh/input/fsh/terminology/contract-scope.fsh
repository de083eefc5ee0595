CodeSystem: ContractScopeCS
Id: contract-scope
Title: "Scope (Contract)"
Description: "Sector a Contract (policy) belongs to: formal or informal."
* ^caseSensitive = true
* ^content = #complete
* #formal "Formal Sector"
* #informal "Informal Sector"

ValueSet: ContractScopeVS
Id: contract-scope
Title: "Scope (Contract)"
Description: "Sector a Contract (policy) belongs to: formal or informal. All codes of the code system of the same id."
* include codes from system ContractScopeCS
