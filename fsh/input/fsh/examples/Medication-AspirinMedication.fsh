Instance: AspirinMedication
InstanceOf: OpenIMISMedication
Usage: #example
Title: "Medication AspirinMedication: a medical item"
Description: "The drug Acetylsalicylic acid (aspirin) 300 mg tablets (code 0001), in packages of 1000 tablets at 10 EUR, for men and women, adults and children, given out-patient."
* extension[unitPrice].valueMoney.value = 10
* extension[unitPrice].valueMoney.currency = #EUR
* extension[type].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/medication-item-type#D "Drug"
* extension[timing].valueTiming.repeat.frequency = 1
* extension[timing].valueTiming.repeat.period = 0
* extension[timing].valueTiming.repeat.periodUnit = #d
* extension[useContext].extension[Gender].valueUsageContext.code = http://terminology.hl7.org/CodeSystem/usage-context-type#gender "Gender"
* extension[useContext].extension[Gender].valueUsageContext.valueCodeableConcept.coding[0] = http://hl7.org/fhir/administrative-gender#male "Male"
* extension[useContext].extension[Gender].valueUsageContext.valueCodeableConcept.coding[1] = http://hl7.org/fhir/administrative-gender#female "Female"
* extension[useContext].extension[CareType].valueUsageContext.code = http://terminology.hl7.org/CodeSystem/usage-context-type#venue "Clinical Venue"
* extension[useContext].extension[CareType].valueUsageContext.valueCodeableConcept = http://terminology.hl7.org/CodeSystem/v3-ActCode#AMB "ambulatory"
* extension[useContext].extension[Age].valueUsageContext.code = http://terminology.hl7.org/CodeSystem/usage-context-type#age "Age Range"
* extension[useContext].extension[Age].valueUsageContext.valueCodeableConcept.coding[0] = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/usage-context-age-type#adult "Adult"
* extension[useContext].extension[Age].valueUsageContext.valueCodeableConcept.coding[1] = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/usage-context-age-type#child "Child"
* extension[level].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/medication-level#M "Medication"
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "0001"
* identifier[UUID].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#UUID
* identifier[UUID].value = "71EFB78B-64EE-4A68-BE29-87DAF566EB20"
* code = http://snomed.info/sct#7947003
* code.text = "ACETYLSALICYLIC ACID (ASPIRIN) TABS 300MG"
* status = #active
* form = http://snomed.info/sct#385055001 "Tablet"
* amount.numerator.value = 1000
* amount.denominator.value = 1
