Instance: Mwale-Grace-EO
InstanceOf: OpenIMISEnrolmentOfficerPractitioner
Usage: #example
Title: "Practitioner Mwale-Grace-EO: an enrolment officer"
Description: "Grace Mwale (code E00002), an enrolment officer of the district Jimara who takes over Jeb Roberts' villages when his period ends."
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "E00002"
* identifier[UUID].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#UUID
* identifier[UUID].value = "3f0b6a52-6c3e-4d6f-9a1e-2b7c5d8e9f10"
* name.use = #official
* name.family = "Mwale"
* name.given = "Grace"
* birthDate = "1988-07-22"
* qualification.code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/practitioner-qualification-type#EO "Enrolment Officer"
