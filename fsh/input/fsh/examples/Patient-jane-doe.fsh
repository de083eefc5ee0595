Instance: jane-doe
InstanceOf: OpenIMISPatient
Usage: #example
Title: "Patient jane-doe: insuree Jane Doe, head of family"
Description: "Jane Doe, the head of the Doe family, living at the family address in the village of Jamula."
* extension[isHead].valueBoolean = true
* extension[educationLevel].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/patient-education-level#4 "University"
* extension[profession].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/patient-profession#3 "Self Employee"
* extension[identification].extension[number].valueString = "NationaID2"
* extension[identification].extension[type].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/patient-identification-type#N "National ID"
* extension[cardIssued].valueBoolean = true
* extension[group].valueReference = Reference(Group/doe-family)
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "123456788"
* name.use = #official
* name.family = "Doe"
* name.given = "Jane"
* telecom[phone].system = #phone
* telecom[phone].value = "+000 555 0101"
* gender = #female
* birthDate = "1964-05-15"
* address[FamilyAddress].extension[municipality].valueString = "Jamu"
* address[FamilyAddress].extension[location].valueReference = Reference(Location/Jamula-village)
* address[FamilyAddress].use = #home
* address[FamilyAddress].type = #physical
* address[FamilyAddress].line = "5 Tsoka"
* address[FamilyAddress].city = "Jamula"
* address[FamilyAddress].district = "Jimara"
* address[FamilyAddress].state = "Upper River Region"
* maritalStatus = http://terminology.hl7.org/CodeSystem/v3-MaritalStatus#M "Married"
* generalPractitioner = Reference(Organization/RaptaDistrictHospital)
