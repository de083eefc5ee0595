CodeSystem: InvoiceTypeCS
Id: invoice-type
Title: "Type (Invoice)"
Description: "Kind of Invoice."
* ^caseSensitive = true
* ^content = #complete
* #contribution "Contribution" "To pay the contribution for a Policy under the Informal Sector coverage."
* #contract "Contract" "To pay the contributions under the Formal Sector coverage."
* #funding "Funding" "To create a request for external funds."

ValueSet: InvoiceTypeVS
Id: invoice-type
Title: "Type (Invoice)"
Description: "Kind of Invoice. All codes of the code system of the same id."
* include codes from system InvoiceTypeCS
