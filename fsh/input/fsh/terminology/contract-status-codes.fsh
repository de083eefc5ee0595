ValueSet: ContractStatusCodesVS
Id: contract-status-codes
Title: "Status Codes (Contract)"
Description: "Statuses of a Contract (policy) that openIMIS uses: offered and executed."
* http://hl7.org/fhir/contract-status#offered "Offered"
* http://hl7.org/fhir/contract-status#executed "Executed"
