CodeSystem: ActivityDefinitionUsageContextWorkflowTypeCS
Id: activity-definition-usage-context-workflow-type
Title: "Usage Context for Workflow Type (ActivityDefinition)"
Description: "Kind of care a medical service (ActivityDefinition) is used for (surgery, consultation, delivery, antenatal, other): the value of its `workflow` usage context."
* ^caseSensitive = true
* ^content = #complete
* #S "Surgery"
* #C "Consultations"
* #D "Delivery"
* #A "Antenatal"
* #O "Other"

ValueSet: ActivityDefinitionUsageContextWorkflowTypeVS
Id: activity-definition-usage-context-workflow-type
Title: "Usage Context for Workflow Type (ActivityDefinition)"
Description: "Kind of care a medical service (ActivityDefinition) is used for (surgery, consultation, delivery, antenatal, other): the value of its `workflow` usage context. All codes of the code system of the same id."
* include codes from system ActivityDefinitionUsageContextWorkflowTypeCS
