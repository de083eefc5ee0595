Instance: Upper-River-Region
InstanceOf: OpenIMISLocation
Usage: #example
Title: "Location Upper-River-Region: a region"
Description: "The region Upper River Region (code R1), the top of the location hierarchy of the examples."
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "R1"
* status = #active
* name = "Upper River Region"
* mode = #instance
* physicalType = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/location-type#R "Region"
