Instance: Rushila-Dani-CA-role
InstanceOf: OpenIMISClaimAdministratorPractitionerRole
Usage: #example
Title: "PractitionerRole Rushila-Dani-CA-role: claim administrator at Rapta District Hospital"
Description: "The role of the claim administrator Dani Rushila (code JMDP0011): she submits claims for Rapta District Hospital. The identifiers are those of the claim administrator."
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "JMDP0011"
* identifier[UUID].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#UUID
* identifier[UUID].value = "EBC45DFA-8E42-4A5F-8AB7-7EE4D797D842"
* practitioner = Reference(Practitioner/Rushila-Dani-CA)
* organization = Reference(Organization/RaptaDistrictHospital)
* code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/practitioner-qualification-type#CA "Claim Administrator"
* telecom[email].system = #email
* telecom[email].value = "rushila.dani@openimis.org"
