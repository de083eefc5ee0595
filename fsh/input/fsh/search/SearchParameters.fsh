// openIMIS search parameters: what users of the openIMIS FHIR module search by that the R4 core set lacks
// (docs/ig.md "Search parameters"). Loaded by the server at start and listed in its CapabilityStatement.
// Claims by health facility and by claim administrator need none: Claim.provider and Claim.enterer are the core
// parameters `provider` and `enterer`. Items and services by code are the core `identifier` of Medication and
// ActivityDefinition. The module's claimDateFrom is `Patient?_has:Claim:patient:created=geDATE`.

Instance: openimis-ref-date
InstanceOf: SearchParameter
Usage: #definition
Title: "openIMIS refDate"
* url = "https://openimis.github.io/openimis_fhir_r4_ig/SearchParameter/openimis-ref-date"
* name = "refDate"
* status = #active
* description = "The period a policy (Contract.applies, Coverage.period) is valid in, or a claim's visit (Claim.billablePeriod). A date parameter with the FHIR prefixes: lt compares the start, gt the end, so the resources valid at some time of 2021-07-01 are refDate=lt2021-07-02&refDate=gt2021-06-30 (starts before the next day, ends after the day before); refDate=2021-07-01 is a validity within that day (docs/architecture.md)."
* code = #refDate
* base[0] = #Contract
* base[+] = #Coverage
* base[+] = #Claim
* type = #date
* expression = "Contract.applies | Coverage.period | Claim.billablePeriod"
* xpathUsage = #normal

Instance: openimis-ref-end-date
InstanceOf: SearchParameter
Usage: #definition
Title: "openIMIS refEndDate"
* url = "https://openimis.github.io/openimis_fhir_r4_ig/SearchParameter/openimis-ref-end-date"
* name = "refEndDate"
* status = #active
* description = "The end of a policy's validity (Contract.applies.end, Coverage.period.end): refEndDate=lt2025-01-01 finds policies that expire before 2025."
* code = #refEndDate
* base[0] = #Contract
* base[+] = #Coverage
* type = #date
* expression = "Contract.applies.end | Coverage.period.end"
* xpathUsage = #normal

Instance: openimis-claim-item-reference
InstanceOf: SearchParameter
Usage: #definition
Title: "openIMIS claim item"
* url = "https://openimis.github.io/openimis_fhir_r4_ig/SearchParameter/openimis-claim-item-reference"
* name = "itemReference"
* status = #active
* description = "The medical item (Medication) or service (ActivityDefinition) a claim item is for, from the claim-item-reference extension: Claim?item-reference=Medication/x, or by the item's code with a chain: Claim?item-reference:Medication.identifier=0001."
* code = #item-reference
* base[0] = #Claim
* type = #reference
* target[0] = #Medication
* target[+] = #ActivityDefinition
* expression = "Claim.item.extension.where(url = 'https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/claim-item-reference').value"
* xpathUsage = #normal
