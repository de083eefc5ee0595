Instance: doe-family
InstanceOf: OpenIMISGroup
Usage: #example
Title: "Group doe-family: the Doe household"
Description: "The Doe family (a household) of two insurees, Jane Doe (head) and John Doe, living in the village of Jamula."
* extension[address].valueAddress.extension[municipality].valueString = "Jamu"
* extension[address].valueAddress.extension[location].valueReference = Reference(Location/Jamula-village)
* extension[address].valueAddress.use = #home
* extension[address].valueAddress.type = #physical
* extension[address].valueAddress.line = "5 Tsoka"
* extension[address].valueAddress.city = "Jamula"
* extension[address].valueAddress.district = "Jimara"
* extension[address].valueAddress.state = "Upper River Region"
* extension[poverty].valueBoolean = false
* extension[groupType].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/group-type#H "Household"
* extension[confirmation].extension[number].valueString = "Reg123456"
* extension[confirmation].extension[type].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/group-confirmation-type#B "Municipality"
* identifier[UUID].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#UUID
* identifier[UUID].value = "D30F70DF-D10B-43D4-BF31-5137C118AD82"
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "123456788"
* active = true
* type = #person
* actual = true
* name = "Doe Jane"
* quantity = 2
* member[0].entity = Reference(Patient/john-doe)
* member[1].entity = Reference(Patient/jane-doe)
