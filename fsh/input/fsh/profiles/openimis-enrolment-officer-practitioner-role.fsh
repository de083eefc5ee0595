Profile: OpenIMISEnrolmentOfficerPractitionerRole
Parent: PractitionerRole
Id: openimis-enrolment-officer-practitioner-role
Title: "openIMIS Enrolment Officer Practitioner Role"
Description: "Links an openIMIS enrolment officer to the villages they cover, until when, and who substitutes them afterwards."
* insert OpenIMISUuidIdA(Enrolment officer)
* extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/practitioner-role-substitution-reference named substitution 0..1
* extension[substitution] ^short = "Substitute"
* extension[substitution] ^definition = "The enrolment officer who takes over once this one's period has ended."
* insert OpenIMISIdentifierSlicesA(1..1, Enrolment officer)
* active 0..0
* period.start 0..0
* period.end 1..1
* period.end ^short = "Works until"
* period.end ^definition = "The date until which the enrolment officer works."
* practitioner 1..1
* practitioner only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-enrolment-officer-practitioner)
* organization 0..0
* code = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/practitioner-qualification-type#EO "Enrolment Officer"
* specialty 0..0
* location only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-location)
* healthcareService 0..0
* insert TelecomEmailPhoneSlicesA(2, Enrolment officer)
* availableTime 0..0
* notAvailable 0..0
* availabilityExceptions 0..0
* endpoint 0..0
