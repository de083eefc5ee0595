CodeSystem: GroupTypeCS
Id: group-type
Title: "Group Type (Group)"
Description: "Type of a family or group (Group) in openIMIS: household, council, organization, students, etc. openIMIS installations may add codes."
* ^caseSensitive = true
* ^content = #complete
* #C "Council"
* #G "Organization"
* #H "Household"
* #O "Other"
* #P "Priests"
* #S "Students"
* #T "Teachers"

ValueSet: GroupTypeVS
Id: group-type
Title: "Group Type (Group)"
Description: "Type of a family or group (Group) in openIMIS: household, council, organization, students, etc. openIMIS installations may add codes. All codes of the code system of the same id."
// 1.0.0 included the core system http://hl7.org/fhir/group-type here: an alias named GroupTypeCS shadowed this IG's
// CodeSystem (FACTS.md 8.1 #13). The full canonical URL below cannot be shadowed.
* include codes from system https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/group-type
