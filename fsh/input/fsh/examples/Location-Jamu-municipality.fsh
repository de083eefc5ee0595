Instance: Jamu-municipality
InstanceOf: OpenIMISLocation
Usage: #example
Title: "Location Jamu-municipality: a municipality (ward)"
Description: "The municipality (ward) Jamu (code R1D1M2) in the district Jimara."
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "R1D1M2"
* status = #active
* name = "Jamu"
* mode = #instance
* physicalType = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/location-type#W "Municipality/Ward"
* partOf = Reference(Location/Jimara-district)
