Profile: OpenIMISLocation
Parent: Location
Id: openimis-location
Title: "openIMIS Location"
Description: "A location of the openIMIS hierarchy: region, district, municipality (ward) or village."
* insert OpenIMISUuidIdA(Location)
* insert OpenIMISIdentifierSlicesA(1..1, Location)
* status = #active
* status ^short = "Always active"
* status ^definition = "openIMIS locations are always active."
* operationalStatus 0..0
* name 1..1 MS
* name ^short = "Location name"
* name ^definition = "The location's official name."
* alias 0..0
* description 0..0
* mode = #instance
* type 0..0
* telecom 0..0
* address 0..0
* physicalType 1..1 MS
* physicalType from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/location-type (required)
* physicalType ^short = "Level of the location"
* physicalType ^definition = "The level of the location in the hierarchy: region, district, municipality (ward) or village."
* position 0..0
* managingOrganization 0..0
* partOf MS
* partOf only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-location)
* partOf ^short = "Parent location"
* hoursOfOperation 0..0
* availabilityExceptions 0..0
* endpoint 0..0
