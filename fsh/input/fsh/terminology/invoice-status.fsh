ValueSet: InvoiceStatusVS
Id: invoice-status
Title: "Status (Invoice)"
Description: "Statuses of an Invoice that openIMIS uses."
* http://hl7.org/fhir/invoice-status#issued "Issued"
* http://hl7.org/fhir/invoice-status#balanced "Balanced"
* http://hl7.org/fhir/invoice-status#cancelled "Cancelled"
