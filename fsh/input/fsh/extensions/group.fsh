// Extensions on Group (openIMIS Family). Context Group, as published.

Extension: GroupAddressExtension
Id: group-address
Title: "Address (Group)"
Description: "The home address of the family, tied to an openIMIS Location."
Context: Group
* value[x] only Address
* valueAddress.extension 1..*
* valueAddress.extension ^short = "Location of the family"
* valueAddress.extension ^definition = "The family's location, down to the city/village level."
* valueAddress.extension contains
    AddressMunicipalityExtension named municipality 0..1 MS and
    AddressLocationReferenceExtension named location 1..1 MS
* valueAddress.use = #home
* valueAddress.type = #physical
* valueAddress.line 0..1
* valueAddress.city MS
* valueAddress.city ^short = "City/village"
* valueAddress.district MS
* valueAddress.district ^short = "District"
* valueAddress.state MS
* valueAddress.state ^short = "State/region"
* valueAddress.postalCode 0..0
* valueAddress.country 0..0

Extension: GroupConfirmationExtension
Id: group-confirmation
Title: "Confirmation (Group)"
Description: "A confirmation of the family's status issued by an authority: its number and, optionally, the kind of authority (local council, municipality, state, ...). Complex extension."
Context: Group
* extension contains
    number 1..1 MS and
    type 0..1 MS
* extension[number] ^short = "Confirmation number"
* extension[number].value[x] only string
* extension[type] ^short = "Kind of confirming authority"
* extension[type].value[x] only CodeableConcept
* extension[type].valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/group-confirmation-type (example)

Extension: GroupPovertyStatusExtension
Id: group-poverty-status
Title: "Poverty Status (Group)"
Description: "Whether the family is recognised as poor."
Context: Group
* value[x] only boolean

Extension: GroupTypeExtension
Id: group-type
Title: "Group Type (Group)"
Description: "The kind of family or group (household, council, organization, ...)."
Context: Group
* value[x] only CodeableConcept
* valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/group-type (example)
