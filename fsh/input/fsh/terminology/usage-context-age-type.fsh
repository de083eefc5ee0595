CodeSystem: UsageContextAgeTypeCS
Id: usage-context-age-type
Title: "Usage Context for Age Type (ActivityDefinition|Medication)"
Description: "Age group a medical item or service (Medication, ActivityDefinition) is for: the value of its `age` usage context."
* ^caseSensitive = true
* ^content = #complete
* #adult "Adult"
* #child "Child"

ValueSet: UsageContextAgeTypeVS
Id: usage-context-age-type
Title: "Usage Context for Age Type (ActivityDefinition|Medication)"
Description: "Age group a medical item or service (Medication, ActivityDefinition) is for: the value of its `age` usage context. All codes of the code system of the same id."
* include codes from system UsageContextAgeTypeCS
