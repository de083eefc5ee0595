// Extensions on Medication (openIMIS Medical Item).
// Context: the Medication resource (1.0.0 named the profile OpenIMISMedication, which is not an element path).

Extension: MedicationFrequencyExtension
Id: medication-frequency
Title: "Frequency (Medication)"
Description: "How often the item may be given: once every `period` days."
Context: Medication
* value[x] only Timing
* valueTiming.repeat.frequency 1..1
* valueTiming.repeat.frequency = 1
* valueTiming.repeat.period 1..1
* valueTiming.repeat.period ^short = "Number of days"
* valueTiming.repeat.periodUnit 1..1
* valueTiming.repeat.periodUnit = #d

Extension: MedicationLevelExtension
Id: medication-level
Title: "Level (Medication)"
Description: "The level of care at which the item may be given."
Context: Medication
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/medication-level (required)

Extension: MedicationTypeExtension
Id: medication-type
Title: "Medication Type (Medication)"
Description: "Whether the item is a drug or a medical consumable."
Context: Medication
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/medication-item-type (required)

Extension: MedicationUsageContextExtension
Id: medication-usage-context
Title: "Usage Context (Medication)"
Description: "For whom and where the item may be used: by gender, by age group and by type of care. Complex extension."
Context: Medication
* extension contains
    Gender 0..1 and
    Age 0..1 and
    CareType 1..1
* extension[Gender].value[x] only UsageContext
* extension[Gender].valueUsageContext ^short = "Usage by gender"
* extension[Gender].valueUsageContext.code = http://terminology.hl7.org/CodeSystem/usage-context-type#gender "Gender"
* extension[Gender].valueUsageContext.value[x] only CodeableConcept
* extension[Gender].valueUsageContext.valueCodeableConcept 1..1
* extension[Gender].valueUsageContext.valueCodeableConcept.coding 1..2
* extension[Gender].valueUsageContext.valueCodeableConcept.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/usage-context-gender-type (required)
* extension[Age].value[x] only UsageContext
* extension[Age].valueUsageContext ^short = "Usage by age group"
* extension[Age].valueUsageContext.code = http://terminology.hl7.org/CodeSystem/usage-context-type#age
* extension[Age].valueUsageContext.value[x] only CodeableConcept
* extension[Age].valueUsageContext.valueCodeableConcept 1..1
* extension[Age].valueUsageContext.valueCodeableConcept.coding 1..2
* extension[Age].valueUsageContext.valueCodeableConcept.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/usage-context-age-type (required)
* extension[CareType].value[x] only UsageContext
* extension[CareType].valueUsageContext ^short = "Usage by type of care"
* extension[CareType].valueUsageContext.code = http://terminology.hl7.org/CodeSystem/usage-context-type#venue "Clinical Venue"
* extension[CareType].valueUsageContext.value[x] only CodeableConcept
* extension[CareType].valueUsageContext.valueCodeableConcept 1..1
* extension[CareType].valueUsageContext.valueCodeableConcept.coding 1..2
* extension[CareType].valueUsageContext.valueCodeableConcept.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/activity-definition-usage-context-venue-type (required)
