// The id keeps the published typo "activitiy": clients put this canonical in meta.profile.
Profile: OpenIMISActivityDefinition
Parent: ActivityDefinition
Id: openimis-activitiy-definition
Title: "openIMIS ActivityDefinition"
Description: "An openIMIS medical service (with its price, frequency and where, for whom and how it may be given) as a FHIR ActivityDefinition."
* insert OpenIMISUuidIdA(Medical service)
* extension 1..*
* extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/unit-price named unitPrice 1..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/activity-definition-level named level 0..1
* extension[unitPrice] ^short = "Unit price"
* extension[unitPrice] ^definition = "The medical service's unit price."
* extension[level] ^short = "Level"
* extension[level] ^definition = "The level of the medical service."
* insert OpenIMISIdentifierSlicesA(1..1, Medical service)
// version, publisher and contact are allowed (not 0..0 as in 1.0.0): tools stamp them (FACTS 8.1 item 12c).
* name 1..1
* name ^short = "Medical service code (computer friendly)"
* name ^definition = "The medical service's code."
* title 1..1
* title ^short = "Medical service name (human friendly)"
* title ^definition = "The medical service's name."
* subtitle 0..0
* status = #active
* experimental 0..0
* subject[x] 0..0
* date 1..1
* description 0..0

// Who and where the service may be given to: gender, age, category, care type (mandatory).
* useContext 1..4
* useContext ^slicing.discriminator.type = #value
* useContext ^slicing.discriminator.path = "code"
* useContext ^slicing.rules = #closed
* useContext.code from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/activity-definition-usage-context-type (required)
* useContext contains Gender 0..1 and Age 0..1 and Category 0..1 and CareType 1..1
* useContext[Gender] ^short = "For which genders"
* useContext[Gender] ^definition = "The genders (male, female) the service may be given to."
* useContext[Gender].code = http://terminology.hl7.org/CodeSystem/usage-context-type#gender "Gender"
* useContext[Gender].value[x] only CodeableConcept
* useContext[Gender].valueCodeableConcept 1..1
* useContext[Gender].valueCodeableConcept.coding 1..2
* useContext[Gender].valueCodeableConcept.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/usage-context-gender-type (required)
* useContext[Age] ^short = "For which ages"
* useContext[Age] ^definition = "The age groups (adult, child) the service may be given to."
// No display in the pattern: the official display is "Age Range" and 1.0.0 required "Age" (see docs/ig-errata.md).
* useContext[Age].code = http://terminology.hl7.org/CodeSystem/usage-context-type#age
* useContext[Age].value[x] only CodeableConcept
* useContext[Age].valueCodeableConcept 1..1
* useContext[Age].valueCodeableConcept.coding 1..2
* useContext[Age].valueCodeableConcept.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/usage-context-age-type (required)
* useContext[Category] ^short = "Service category"
* useContext[Category] ^definition = "The category of the service (workflow setting)."
* useContext[Category].code = http://terminology.hl7.org/CodeSystem/usage-context-type#workflow "Workflow Setting"
* useContext[Category].value[x] only CodeableConcept
* useContext[Category].valueCodeableConcept 1..1
* useContext[Category].valueCodeableConcept.coding 1..1
* useContext[Category].valueCodeableConcept.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/activity-definition-usage-context-workflow-type (required)
* useContext[CareType] ^short = "Care type"
* useContext[CareType] ^definition = "Where the service may be given: out-patient (AMB), in-patient (IMP) or both (AMB and IMP)."
* useContext[CareType].code = http://terminology.hl7.org/CodeSystem/usage-context-type#venue "Clinical Venue"
* useContext[CareType].value[x] only CodeableConcept
* useContext[CareType].valueCodeableConcept 1..1
* useContext[CareType].valueCodeableConcept.coding 1..2
* useContext[CareType].valueCodeableConcept.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/activity-definition-usage-context-venue-type (required)

* jurisdiction 0..0
* purpose 0..0
* usage 0..0
* copyright 0..0
* approvalDate 0..0
* lastReviewDate 0..0
* effectivePeriod 0..0
* topic from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/activity-definition-service-type (required)
* author 0..0
* editor 0..0
* reviewer 0..0
* endorser 0..0
* relatedArtifact 0..0
* library 0..0
* kind = #ServiceRequest
* profile 0..0
* code 0..0
* intent 0..0
* priority 0..0
* doNotPerform 0..0

// How often the service may be given: once every `period` days.
* timing[x] only Timing
* timingTiming 0..1
* timingTiming.repeat.frequency 1..1
* timingTiming.repeat.frequency = 1
* timingTiming.repeat.period 1..1
* timingTiming.repeat.period ^short = "Frequency (days)"
* timingTiming.repeat.period ^definition = "The minimum number of days before the service may be given again."
* timingTiming.repeat.periodUnit 1..1
* timingTiming.repeat.periodUnit = #d

* location 0..0
* participant 0..0
* product[x] 0..0
* quantity 0..0
* dosage 0..0
* bodySite 0..0
* specimenRequirement 0..0
* observationRequirement 0..0
* observationResultRequirement 0..0
* transform 0..0
* dynamicValue 0..0
