Instance: Rushila-Dani-CA
InstanceOf: OpenIMISClaimAdministratorPractitioner
Usage: #example
Title: "Practitioner Rushila-Dani-CA: a claim administrator"
Description: "Dani Rushila (code JMDP0011), the claim administrator who submits the claims of Rapta District Hospital."
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "JMDP0011"
* identifier[UUID].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#UUID
* identifier[UUID].value = "EBC45DFA-8E42-4A5F-8AB7-7EE4D797D842"
* name.use = #official
* name.family = "Rushila"
* name.given = "Dani"
* telecom[email].system = #email
* telecom[email].value = "rushila.dani@openimis.org"
* birthDate = "1979-10-09"
* qualification.code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/practitioner-qualification-type#CA "Claim Administrator"
