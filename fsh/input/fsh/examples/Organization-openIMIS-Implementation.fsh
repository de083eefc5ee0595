Instance: openIMIS-Implementation
InstanceOf: OpenIMISInsuranceOrganization
Usage: #example
Title: "Organization openIMIS-Implementation: the insurer"
Description: "The openIMIS implementation itself as the insurer (code openIMIS, the default), with its administrative contact."
* identifier.type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier.value = "openIMIS"
* type = http://terminology.hl7.org/CodeSystem/organization-type#ins "Insurance Company"
* name = "openIMIS Implementation"
* telecom[email].system = #email
* telecom[email].value = "implementation@openimis.org"
* telecom[phone].system = #phone
* telecom[phone].value = "0908060703"
* telecom[fax].system = #fax
* telecom[fax].value = "0908060730"
* address.extension[municipality].valueString = "Jamu"
* address.type = #physical
* address.line = "1 Pasay"
* address.city = "Jamula"
* address.district = "Jimara"
* address.state = "Upper River Region"
* contact.purpose = http://terminology.hl7.org/CodeSystem/contactentity-type#ADMIN "Administrative"
* contact.name.text = "Manuel D. Medina"
