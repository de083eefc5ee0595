Profile: OpenIMISMedication
Parent: Medication
Id: openimis-medication
Title: "openIMIS Medication"
Description: "An openIMIS medical item (with its price, type, frequency and usage context) as a FHIR Medication."
* insert OpenIMISUuidIdA(Medical item)
* extension 2..*
* extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/medication-usage-context named useContext 0..4 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/unit-price named unitPrice 1..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/medication-frequency named timing 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/medication-type named type 1..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/medication-level named level 0..1
* extension[useContext] ^short = "Usage context"
* extension[useContext] ^definition = "For whom and where the medical item may be used (gender, age, care type)."
* extension[unitPrice] ^short = "Unit price"
* extension[unitPrice] ^definition = "The medical item's unit price."
* extension[timing] ^short = "Frequency"
* extension[timing] ^definition = "How often the medical item may be prescribed."
* extension[type] ^short = "Item type"
* extension[type] ^definition = "The kind of medical item."
* extension[level] ^short = "Level"
* extension[level] ^definition = "The level of the medical item; always M (medication). Only returned on read."
* extension[level].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/medication-level#M "Medication"
* insert OpenIMISIdentifierSlicesA(1..1, Medical item)
* code 1..1
* code.text 1..1
* code.text ^short = "Medical item name"
* code.text ^definition = "The medical item's name."
* status = #active
* status ^short = "Always active"
* status ^definition = "openIMIS medical items are always active."
* manufacturer 0..0
* form ^short = "Form"
* form ^definition = "The medical item's form as configured in openIMIS."
// Package size, e.g. 1000 (tablets) per 1 (package). Core rat-1 wants numerator and denominator together,
// so the denominator is required too (1.0.0 prohibited it: FACTS 8.1 item 12a).
* amount.numerator 1..1
* amount.numerator.value 1..1
* amount.numerator ^short = "Quantity in one package"
* amount.denominator 1..1
* amount.denominator ^short = "One package (value 1)"
* amount.denominator ^definition = "The package the numerator counts; openIMIS uses the value 1. Required by core invariant rat-1 whenever the numerator is present."
* ingredient 0..0
* batch 0..0
