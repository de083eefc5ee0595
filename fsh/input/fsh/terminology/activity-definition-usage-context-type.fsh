ValueSet: ActivityDefinitionUsageContextTypeVS
Id: activity-definition-usage-context-type
Title: "Usage Context Type (ActivityDefinition)"
Description: "Usage context types a medical service (ActivityDefinition) uses: gender, age, workflow and venue."
* $usage-context-type#gender "Gender"
* $usage-context-type#age "Age Range"
* $usage-context-type#workflow "Workflow Setting"
* $usage-context-type#venue "Clinical Venue"
