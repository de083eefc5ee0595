Profile: OpenIMISEnrolmentOfficerPractitioner
Parent: Practitioner
Id: openimis-enrolment-officer-practitioner
Title: "openIMIS Enrolment Officer Practitioner"
Description: "An openIMIS enrolment officer (the person who enrols families and collects contributions) as a FHIR Practitioner."
* insert OpenIMISUuidIdA(Enrolment officer)
* insert OpenIMISIdentifierSlicesA(1..1, Enrolment officer)
* active 0..0
* name 1..1
* name ^short = "Official name of the enrolment officer"
* name ^definition = "The enrolment officer's official name: one family name and one given name."
* name.use = #official
* name.family 1..1 MS
* name.given 1..1 MS
* insert TelecomEmailPhoneSlicesA(2, Enrolment officer)
* address 0..1 MS
* insert OpenIMISPhysicalAddressA
* address.extension 1..*
* address.extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-location-reference named locationDistrict 1..1 MS
* address.line ^short = "Permanent address"
* address.line ^definition = "The enrolment officer's permanent address."
* address.city 0..0
* address.district 1..1 MS
* address.district ^short = "District"
* address.district ^definition = "The district name as configured in openIMIS."
* address.state 1..1 MS
* address.state ^short = "State/Region"
* address.state ^definition = "The region name as configured in openIMIS."
* gender 0..0
* birthDate 1..1 MS
* photo 0..0
* qualification 1..1
* qualification.code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/practitioner-qualification-type#EO "Enrolment Officer"
* communication 0..0
