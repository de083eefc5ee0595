CodeSystem: MedicationItemTypeCS
Id: medication-item-type
Title: "Item Type (Medication)"
Description: "Whether a medical item (Medication) is a drug or a medical consumable."
* ^caseSensitive = true
* ^content = #complete
* #D "Drug"
* #M "Medical consumable"

ValueSet: MedicationItemTypeVS
Id: medication-item-type
Title: "Item Type (Medication)"
Description: "Whether a medical item (Medication) is a drug or a medical consumable. All codes of the code system of the same id."
* include codes from system MedicationItemTypeCS
