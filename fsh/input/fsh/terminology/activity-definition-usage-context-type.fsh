ValueSet: ActivityDefinitionUsageContextTypeVS
Id: activity-definition-usage-context-type
Title: "Usage Context Type (ActivityDefinition)"
Description: "Usage context types a medical service (ActivityDefinition) uses: gender, age, workflow and venue."
* http://terminology.hl7.org/CodeSystem/usage-context-type#gender "Gender"
* http://terminology.hl7.org/CodeSystem/usage-context-type#age "Age Range"
* http://terminology.hl7.org/CodeSystem/usage-context-type#workflow "Workflow Setting"
* http://terminology.hl7.org/CodeSystem/usage-context-type#venue "Clinical Venue"
