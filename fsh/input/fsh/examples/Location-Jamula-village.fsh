Instance: Jamula-village
InstanceOf: OpenIMISLocation
Usage: #example
Title: "Location Jamula-village: a village"
Description: "The village Jamula (code R1D1M2V1) in the municipality Jamu, where the Doe family lives."
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "R1D1M2V1"
* status = #active
* name = "Jamula"
* mode = #instance
* physicalType = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/location-type#V "City/Village"
* partOf = Reference(Location/Jamu-municipality)
