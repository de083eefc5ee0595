Extension: UnitPriceExtension
Id: unit-price
Title: "Unit Price (Medication | ActivityDefinition | Invoice)"
Description: "The price of one unit of a medical item or service, or the unit price of an invoice line."
// Where the profiles put it: Medication, ActivityDefinition, and Invoice.lineItem.priceComponent (both Invoice profiles).
// 1.0.0 named the profiles OpenIMISMedication, OpenIMISActivityDefinition, OpenIMISInvoice instead.
Context: Medication, ActivityDefinition, Invoice.lineItem.priceComponent
* value[x] only Money
* valueMoney.value 1..1
