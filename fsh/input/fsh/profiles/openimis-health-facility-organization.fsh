Profile: OpenIMISHealthFacilityOrganization
Parent: Organization
Id: openimis-health-facility-organization
Title: "openIMIS Health Facility Organization"
Description: "An openIMIS health facility as a FHIR Organization (type prov)."
* insert OpenIMISUuidIdA(Health facility)
* extension 1..*
* extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/organization-hf-legal-form named legalForm 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/organization-hf-level named hfLevel 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/organization-hf-care-type named careType 1..1
* extension[legalForm] ^short = "Legal form"
* extension[legalForm] ^definition = "The health facility's legal form."
* extension[hfLevel] ^short = "Health facility level"
* extension[hfLevel] ^definition = "The health facility's level."
* extension[careType] ^short = "Care type"
* extension[careType] ^definition = "The kind of care the health facility gives."
* insert OpenIMISIdentifierSlicesA(1..1, Health facility)
* active 0..0
* type 1..1
* type.coding.code = #prov
* name 1..1
* alias 0..0
* insert TelecomEmailPhoneFaxSlicesA(Health facility)
* address 1..1 MS
* insert OpenIMISPhysicalAddressA
* address.extension 1..*
* address.extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-location-reference named locationDistrict 1..1 MS
* address.city 0..0
* address.district 1..1 MS
* address.district ^short = "District"
* address.district ^definition = "The district name as configured in openIMIS."
* address.state 1..1 MS
* address.state ^short = "State/Region"
* address.state ^definition = "The region name as configured in openIMIS."
* partOf 0..0
* contact ^short = "Claim administrators"
* contact ^definition = "The claim administrators attached to the health facility. Only returned on read."
* contact.purpose 1..1
* contact.purpose = http://terminology.hl7.org/CodeSystem/contactentity-type#PAYOR
* contact.name 1..1
