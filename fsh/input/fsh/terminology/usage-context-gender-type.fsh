ValueSet: UsageContextGenderTypeVS
Id: usage-context-gender-type
Title: "Usage Context for Gender Type (ActivityDefinition|Medication)"
Description: "Gender a medical item or service (Medication, ActivityDefinition) is for: the value of its `gender` usage context."
* http://hl7.org/fhir/administrative-gender#male "Male"
* http://hl7.org/fhir/administrative-gender#female "Female"
