ValueSet: ActivityDefinitionUsageContextVenueTypeVS
Id: activity-definition-usage-context-venue-type
Title: "Usage Context for Venue Type (ActivityDefinition)"
Description: "Venue of a medical service (ActivityDefinition): ambulatory or inpatient."
// IMP carries its official display (1.0.0: "IMP", FACTS.md 8.1 #16).
* http://terminology.hl7.org/CodeSystem/v3-ActCode#AMB "ambulatory"
* http://terminology.hl7.org/CodeSystem/v3-ActCode#IMP "inpatient encounter"
