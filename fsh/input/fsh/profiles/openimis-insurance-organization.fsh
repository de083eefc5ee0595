Profile: OpenIMISInsuranceOrganization
Parent: Organization
Id: openimis-insurance-organization
Title: "openIMIS Insurance Organization"
Description: "The openIMIS implementation itself, as the insurer (type ins). Other resources refer to it; its data comes from the configuration of the FHIR module."
* identifier 1..1 MS
* identifier.type 1..1
* identifier.type.coding.code = #Code
* identifier.type.coding.code ^short = "Insurance code"
* identifier.type.coding.code ^definition = "The insurer's code, set in the configuration of the FHIR module (default: openIMIS)."
* identifier.value 1..1
* active 0..0
* type 1..1
* type.coding.code = #ins
* name 1..1
* alias 0..0
* insert TelecomEmailPhoneFaxSlicesA(Insurer)
* address 0..1 MS
* insert OpenIMISPhysicalAddressA
* address.extension ^short = "Municipality/ward"
* address.extension ^definition = "The municipality (ward) name as configured in openIMIS."
* address.extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-municipality named municipality 0..1 MS
* address.city MS
* address.city ^short = "City/Village"
* address.city ^definition = "The city or village name as configured in openIMIS."
* address.district MS
* address.district ^short = "District"
* address.district ^definition = "The district name as configured in openIMIS."
* address.state MS
* address.state ^short = "State/Region"
* address.state ^definition = "The region name as configured in openIMIS."
* partOf 0..0
* contact 0..1
* contact ^short = "Administrative contact"
* contact ^definition = "The insurer's administrative contact, by name only."
* contact.purpose 1..1
* contact.purpose = http://terminology.hl7.org/CodeSystem/contactentity-type#ADMIN "Administrative"
* contact.name 1..1
* contact.name.use 0..0
* contact.name.text 1..1
* contact.name.family 0..0
* contact.name.given 0..0
* contact.name.prefix 0..0
* contact.name.suffix 0..0
* contact.name.period 0..0
* contact.telecom 0..0
* contact.address 0..0
