CodeSystem: LocationTypeCS
Id: location-type
Title: "Location Type (Location)"
Description: "Level of an openIMIS administrative location: region, district, municipality/ward, city/village."
* ^caseSensitive = true
* ^content = #complete
* #R "Region" "Regional location level"
* #D "District" "District location level"
* #W "Municipality/Ward" "Municipality/Ward location level"
* #V "City/Village" "City/Village location level"

ValueSet: LocationTypeVS
Id: location-type
Title: "Location Type (Location)"
Description: "Level of an openIMIS administrative location: region, district, municipality/ward, city/village. All codes of the code system of the same id."
// 1.0.0 also excluded the core ValueSet location-physical-type: a no-op, dropped (FACTS.md 8.1 #14).
* LocationTypeCS#R "Region"
* LocationTypeCS#D "District"
* LocationTypeCS#W "Municipality/Ward"
* LocationTypeCS#V "City/Village"
