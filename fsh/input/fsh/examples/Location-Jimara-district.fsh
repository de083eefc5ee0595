Instance: Jimara-district
InstanceOf: OpenIMISLocation
Usage: #example
Title: "Location Jimara-district: a district"
Description: "The district Jimara (code R1D1) in the region Upper River Region."
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "R1D1"
* status = #active
* name = "Jimara"
* mode = #instance
* physicalType = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/location-type#D "District"
* partOf = Reference(Location/Upper-River-Region)
