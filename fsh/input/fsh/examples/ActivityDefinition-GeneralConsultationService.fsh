Instance: GeneralConsultationService
InstanceOf: OpenIMISActivityDefinition
Usage: #example
Title: "ActivityDefinition GeneralConsultationService: a medical service"
Description: "The medical service General Consultation (code A1): a visit priced at 40 EUR, for men and women, adults and children, given out-patient, with no minimum interval between two consultations (period 0 days)."
* extension[unitPrice].valueMoney.value = 40
* extension[unitPrice].valueMoney.currency = #EUR
* extension[level].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/activity-definition-level#V "Visit"
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "A1"
* identifier[UUID].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#UUID
* identifier[UUID].value = "db2c3a6c-af07-49bd-8f6a-96aa1fc2bcf9"
* name = "A1"
* title = "General Consultation"
* status = #active
* date = "2020-01-01"
* useContext[Gender].code = http://terminology.hl7.org/CodeSystem/usage-context-type#gender "Gender"
* useContext[Gender].valueCodeableConcept.coding[0] = http://hl7.org/fhir/administrative-gender#male "Male"
* useContext[Gender].valueCodeableConcept.coding[1] = http://hl7.org/fhir/administrative-gender#female "Female"
* useContext[Age].code = http://terminology.hl7.org/CodeSystem/usage-context-type#age "Age Range"
* useContext[Age].valueCodeableConcept.coding[0] = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/usage-context-age-type#adult "Adult"
* useContext[Age].valueCodeableConcept.coding[1] = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/usage-context-age-type#child "Child"
* useContext[Category].code = http://terminology.hl7.org/CodeSystem/usage-context-type#workflow "Workflow Setting"
* useContext[Category].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/activity-definition-usage-context-workflow-type#C "Consultations"
* useContext[CareType].code = http://terminology.hl7.org/CodeSystem/usage-context-type#venue "Clinical Venue"
* useContext[CareType].valueCodeableConcept = http://terminology.hl7.org/CodeSystem/v3-ActCode#AMB "ambulatory"
* topic = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/activity-definition-service-type#P "Preventive"
* kind = #ServiceRequest
* timingTiming.repeat.frequency = 1
* timingTiming.repeat.period = 0
* timingTiming.repeat.periodUnit = #d
