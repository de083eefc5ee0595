Profile: OpenIMISGroup
Parent: Group
Id: openimis-group
Title: "openIMIS Group"
Description: "An openIMIS family (or group) of insurees, with its address and attributes."
* insert OpenIMISUuidIdA(Family/group)
* extension 1..*
* extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/group-address named address 1..1 MS and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/group-poverty-status named poverty 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/group-type named groupType 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/group-confirmation named confirmation 0..1
* extension[address] ^short = "Family address"
* extension[address] ^definition = "The family's address; it carries at least the reference to the village Location."
* extension[poverty] ^short = "Poverty status"
* extension[poverty] ^definition = "True when the family is considered poor."
* extension[groupType] ^short = "Family type"
* extension[groupType] ^definition = "The kind of family or group."
* extension[confirmation] ^short = "Confirmation"
* extension[confirmation] ^definition = "The family's confirmation number and kind."

// The Code slice is mandatory, so at least one identifier is required (stated explicitly: FACTS 8.1 item 8).
* insert OpenIMISIdentifierSlicesA(1..1, Family/group)
* identifier[Code].type.coding.code ^definition = "The family/group code, managed by openIMIS; by default the code of the head of the family."

* active ^short = "Active Policy"
* active ^definition = "True when the family is covered by an active policy."
* type = #person
* actual = true
* code 0..0
* name ^short = "Family name"
* name ^definition = "The family's name, made from the official name of the head of the family."
* quantity 1..1
* managingEntity 0..0
* characteristic 0..0
* member 1..*
* member.entity only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* member.period 0..0
* member.inactive 0..0
