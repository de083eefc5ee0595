Instance: MyTradePolicyHolder
InstanceOf: OpenIMISPolicyHolderOrganization
Usage: #example
Title: "Organization MyTradePolicyHolder: a policy holder"
Description: "My Trade (code 1234), a personal company in industry that holds policies for its employees (formal sector)."
* extension[legalForm].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/organization-ph-legal-form#1 "Personal Company"
* extension[activity].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/organization-ph-activity#2 "Industry"
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "1234"
* identifier[UUID].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#UUID
* identifier[UUID].value = "4c87928a-cf9c-4f4b-aeeb-61041c84547f"
* type = http://terminology.hl7.org/CodeSystem/organization-type#bus "Non-Healthcare Business or Corporation"
* name = "My Trade"
* telecom[email].system = #email
* telecom[email].value = "contact@mytrade.org"
* telecom[phone].system = #phone
* telecom[phone].value = "0102030405"
* telecom[fax].system = #fax
* telecom[fax].value = "0102030450"
* address.extension[municipality].valueString = "Jamu"
* address.extension[location].valueReference = Reference(Location/Jamula-village)
* address.type = #physical
* address.line = "54 Pasay"
* address.city = "Jamula"
* address.district = "Jimara"
* address.state = "Upper River Region"
* contact.name.text = "John Doe"
