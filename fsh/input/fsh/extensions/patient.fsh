// Extensions on Patient (openIMIS Insuree). Context Patient, as published.

Extension: PatientCardIssuedExtension
Id: patient-card-issued
Title: "Card Issued (Patient)"
Description: "Whether an insurance card has been issued to the insuree."
Context: Patient
* value[x] only boolean

Extension: PatientEducationLevelExtension
Id: patient-education-level
Title: "Education Level (Patient)"
Description: "The insuree's level of education."
Context: Patient
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/patient-education-level (example)

Extension: PatientGroupReference
Id: patient-group-reference
Title: "Group Reference (Patient)"
Description: "The family (Group) the insuree belongs to."
Context: Patient
* value[x] only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-group)

Extension: PatientIdentificationExtension
Id: patient-identification
Title: "Identification (Patient)"
Description: "An identity document of the insuree: its number and, optionally, its kind. Complex extension."
Context: Patient
* extension contains
    number 1..1 MS and
    type 0..1 MS
* extension[number] ^short = "Identification number"
* extension[number].value[x] only string
* extension[type] ^short = "Kind of identity document"
* extension[type].value[x] only CodeableConcept
* extension[type].valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/patient-identification-type (example)

Extension: PatientIsHeadExtension
Id: patient-is-head
Title: "Is Head (Patient)"
Description: "Whether the insuree is the head of the family."
Context: Patient
* value[x] only boolean

Extension: PatientProfessionExtension
Id: patient-profession
Title: "Profession (Patient)"
Description: "The insuree's profession."
Context: Patient
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/patient-profession (example)

Extension: PatientVulnerabilityStatusExtension
Id: patient-vulnerability-status
Title: "Vulnerability Status (Patient)"
Description: "Whether the insuree is considered vulnerable."
Context: Patient
* value[x] only boolean
