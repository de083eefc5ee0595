CodeSystem: ActivityDefinitionServiceTypeCS
Id: activity-definition-service-type
Title: "Service Type (ActivityDefinition)"
Description: "Whether a medical service (ActivityDefinition) is curative or preventive."
* ^caseSensitive = true
* ^content = #complete
* #C "Curative"
* #P "Preventive"

ValueSet: ActivityDefinitionServiceTypeVS
Id: activity-definition-service-type
Title: "Service Type (ActivityDefinition)"
Description: "Whether a medical service (ActivityDefinition) is curative or preventive. All codes of the code system of the same id."
* include codes from system ActivityDefinitionServiceTypeCS
