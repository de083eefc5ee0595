Profile: OpenIMISClaimAdministratorPractitionerRole
Parent: PractitionerRole
Id: openimis-claim-administrator-practitioner-role
Title: "openIMIS Claim Administrator Practitioner Role"
Description: "Links an openIMIS claim administrator to the health facility they work for."
* insert OpenIMISUuidIdA(Claim administrator)
* insert OpenIMISIdentifierSlicesA(1..1, Claim administrator)
* active 0..0
* period 0..0
* practitioner 1..1
* practitioner only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-claim-administrator-practitioner)
* organization 1..1
* organization only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-health-facility-organization)
* code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/practitioner-qualification-type#CA "Claim Administrator"
* specialty 0..0
* location 0..0
* healthcareService 0..0
* insert TelecomEmailPhoneSlicesA(2, Claim administrator)
* availableTime 0..0
* notAvailable 0..0
* availabilityExceptions 0..0
* endpoint 0..0
