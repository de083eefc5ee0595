Profile: OpenIMISClaimAdministratorPractitioner
Parent: Practitioner
Id: openimis-claim-administrator-practitioner
Title: "openIMIS Claim Administrator Practitioner"
Description: "An openIMIS claim administrator (the person who submits claims for a health facility) as a FHIR Practitioner."
* insert OpenIMISUuidIdA(Claim administrator)
* insert OpenIMISIdentifierSlicesA(1..1, Claim administrator)
* active 0..0
* name 1..1
* name ^short = "Official name of the claim administrator"
* name ^definition = "The claim administrator's official name: one family name and one given name."
* name.use = #official
* name.family 1..1 MS
* name.given 1..1 MS
* insert TelecomEmailPhoneSlicesA(2, Claim administrator)
* address 0..0
* gender 0..0
* birthDate 1..1 MS
* photo 0..0
* qualification 1..1
* qualification.code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/practitioner-qualification-type#CA "Claim Administrator"
* communication 0..0
