CodeSystem: ActivityDefinitionLevelCS
Id: activity-definition-level
Title: "Level (ActivityDefinition)"
Description: "Level of a medical service (ActivityDefinition): simple service, visit, day of stay or hospital case."
* ^caseSensitive = true
* ^content = #complete
* #S "Simple Service"
* #V "Visit"
* #D "Day of stay"
* #H "Hospital case"

ValueSet: ActivityDefinitionLevelVS
Id: activity-definition-level
Title: "Level (ActivityDefinition)"
Description: "Level of a medical service (ActivityDefinition): simple service, visit, day of stay or hospital case. All codes of the code system of the same id."
* include codes from system ActivityDefinitionLevelCS
