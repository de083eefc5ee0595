// Extensions on Address: used in Patient, Practitioner and Organization addresses and inside the group-address value.

Extension: AddressLocationReferenceExtension
Id: address-location-reference
Title: "Location Reference (Address)"
Description: "The openIMIS Location (e.g. the village or the district) that this address lies in."
Context: Address
* value[x] only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-location)

Extension: AddressMunicipalityExtension
Id: address-municipality
Title: "Municipality (Address)"
Description: "The name of the municipality (ward) of the address, as configured in openIMIS."
Context: Address
* value[x] only string
