Profile: OpenIMISInvoice
Parent: Invoice
Id: openimis-invoice-invoice
Title: "openIMIS Invoice"
Description: "An invoice openIMIS issues: for a contribution, a contract or funding."
* id ^short = "Invoice UUID"
* id ^definition = "The UUID openIMIS gave the invoice."
* insert OpenIMISInvoiceB(invoice-type, invoice-charge-item)
* identifier[Code].type.coding.code ^short = "Invoice code (openIMIS)"
* identifier[UUID].type.coding.code ^short = "Invoice UUID (openIMIS)"
* type ^short = "contribution | contract | funding"
