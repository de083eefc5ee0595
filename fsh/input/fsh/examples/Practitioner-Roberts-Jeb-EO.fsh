Instance: Roberts-Jeb-EO
InstanceOf: OpenIMISEnrolmentOfficerPractitioner
Usage: #example
Title: "Practitioner Roberts-Jeb-EO: an enrolment officer"
Description: "Jeb Roberts (code E00001), the enrolment officer of the district Jimara who enrols the Doe family."
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "E00001"
* identifier[UUID].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#UUID
* identifier[UUID].value = "e5256c97-8b06-4c8e-96db-d8294b4619a8"
* name.use = #official
* name.family = "Roberts"
* name.given = "Jeb"
* telecom[phone].system = #phone
* telecom[phone].value = "+000 555 0300"
* address.extension[locationDistrict].valueReference = Reference(Location/Jimara-district)
* address.type = #physical
* address.line = "12 Market Street"
* address.district = "Jimara"
* address.state = "Upper River Region"
* birthDate = "1980-01-15"
* qualification.code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/practitioner-qualification-type#EO "Enrolment Officer"
