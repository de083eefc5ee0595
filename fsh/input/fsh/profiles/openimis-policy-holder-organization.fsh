Profile: OpenIMISPolicyHolderOrganization
Parent: Organization
Id: openimis-policy-holder-organization
Title: "openIMIS Policy Holder Organization"
Description: "An openIMIS policy holder (formal sector) as a FHIR Organization (type bus)."
* insert OpenIMISUuidIdA(Policy holder)
* extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/organization-ph-legal-form named legalForm 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/organization-ph-activity named activity 0..1
* extension[legalForm] ^short = "Legal form"
* extension[legalForm] ^definition = "The policy holder's legal form."
* extension[activity] ^short = "Activity"
* extension[activity] ^definition = "The policy holder's line of business."
* insert OpenIMISIdentifierSlicesA(1..1, Policy holder)
* active 0..0
* type 1..1
* type.coding.code = #bus
* name 1..1
* alias 0..0
* insert TelecomEmailPhoneFaxSlicesA(Policy holder)
* address 1..1 MS
* insert OpenIMISPhysicalAddressA
* address.extension 2..*
* address.extension ^short = "Municipality/ward and village location"
* address.extension ^definition = "The municipality (ward) name and the reference to the village Location, as configured in openIMIS."
* address.extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-municipality named municipality 1..1 MS and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-location-reference named location 1..1 MS
* address.city 1..1 MS
* address.city ^short = "City/Village"
* address.city ^definition = "The city or village name as configured in openIMIS."
* address.district 1..1 MS
* address.district ^short = "District"
* address.district ^definition = "The district name as configured in openIMIS."
* address.state 1..1 MS
* address.state ^short = "State/Region"
* address.state ^definition = "The region name as configured in openIMIS."
* partOf 0..0
* contact 0..1
* contact ^short = "Contact person"
* contact ^definition = "The policy holder's contact person, by name only."
* contact.purpose 0..0
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
