Instance: Roberts-Jeb-EO-role
InstanceOf: OpenIMISEnrolmentOfficerPractitionerRole
Usage: #example
Title: "PractitionerRole Roberts-Jeb-EO-role: enrolment officer for the village Jamula"
Description: "The role of the enrolment officer Jeb Roberts (code E00001): he covers the village Jamula until the end of 2030, after which Grace Mwale takes over. The identifiers are those of the enrolment officer."
* extension[substitution].valueReference = Reference(Practitioner/Mwale-Grace-EO)
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "E00001"
* identifier[UUID].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#UUID
* identifier[UUID].value = "e5256c97-8b06-4c8e-96db-d8294b4619a8"
* period.end = "2030-12-31"
* practitioner = Reference(Practitioner/Roberts-Jeb-EO)
* code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/practitioner-qualification-type#EO "Enrolment Officer"
* location = Reference(Location/Jamula-village)
* telecom[phone].system = #phone
* telecom[phone].value = "+000 555 0300"
