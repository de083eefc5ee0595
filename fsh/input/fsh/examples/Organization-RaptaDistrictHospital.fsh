Instance: RaptaDistrictHospital
InstanceOf: OpenIMISHealthFacilityOrganization
Usage: #example
Title: "Organization RaptaDistrictHospital: a health facility"
Description: "Rapta District Hospital (code RAHOS001), a district-run hospital in the district Jimara giving both in-patient and out-patient care. Its claim administrator is Rushila Dani."
* extension[careType].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/organization-hf-care-type#B "Both"
* extension[legalForm].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/organization-hf-legal-form#D "District organization"
* extension[hfLevel].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/organization-hf-level#H "Hospital"
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "RAHOS001"
* identifier[UUID].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#UUID
* identifier[UUID].value = "D8A25F21-F36A-4D4D-9E58-1DB8FFBE7036"
* type = http://terminology.hl7.org/CodeSystem/organization-type#prov "Healthcare Provider"
* name = "Rapta District Hospital"
* telecom[phone].system = #phone
* telecom[phone].value = "+000 555 0200"
* telecom[email].system = #email
* telecom[email].value = "contact@rapta-hospital.example.org"
* address.extension[locationDistrict].valueReference = Reference(Location/Jimara-district)
* address.type = #physical
* address.line = "1 Hospital Road"
* address.district = "Jimara"
* address.state = "Upper River Region"
* contact.purpose = http://terminology.hl7.org/CodeSystem/contactentity-type#PAYOR "Payor"
* contact.name.family = "Rushila"
* contact.name.given = "Dani"
* contact.telecom.system = #email
* contact.telecom.value = "rushila.dani@openimis.org"
