Profile: OpenIMISBill
Parent: Invoice
Id: openimis-invoice-bill
Title: "openIMIS Bill"
Description: "A bill openIMIS receives or settles: for a claim batch, a commission or fees."
* id ^short = "Bill UUID"
* id ^definition = "The UUID openIMIS gave the bill."
* insert OpenIMISInvoiceB(bill-type, bill-charge-item)
* identifier[Code].type.coding.code ^short = "Bill code (openIMIS)"
* identifier[UUID].type.coding.code ^short = "Bill UUID (openIMIS)"
* type ^short = "claim-batch | commission | fees"
