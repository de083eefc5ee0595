CodeSystem: InvoiceChargeItemCS
Id: invoice-charge-item
Title: "ChargeItem (Invoice)"
Description: "What a line of an Invoice charges for."
* ^caseSensitive = true
* ^content = #complete
* #contribution "Contribution"
* #policy "Policy"

ValueSet: InvoiceChargeItemVS
Id: invoice-charge-item
Title: "ChargeItem (Invoice)"
Description: "What a line of an Invoice charges for. All codes of the code system of the same id."
* include codes from system InvoiceChargeItemCS
