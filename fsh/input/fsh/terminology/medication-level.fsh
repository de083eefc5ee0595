CodeSystem: MedicationLevelCS
Id: medication-level
Title: "Level (Medication)"
Description: "Level of a medical item (Medication)."
* ^caseSensitive = true
* ^content = #complete
* #M "Medication"

ValueSet: MedicationLevelVS
Id: medication-level
Title: "Level (Medication)"
Description: "Level of a medical item (Medication). All codes of the code system of the same id."
* include codes from system MedicationLevelCS
