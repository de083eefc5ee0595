Profile: OpenIMISPaymentNotice
Parent: PaymentNotice
Id: openimis-payment-notice
Title: "openIMIS Payment Notice"
Description: "Notice that an openIMIS invoice or bill has been paid."
* identifier ..1
* identifier.type 1..1
* identifier.type.coding.code = #UUID
* identifier.type.coding.code ^short = "PaymentNotice UUID"
* identifier.value 1..1
* request only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-invoice-invoice or https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-invoice-bill)
* response 0..0
* provider 0..0
* payment ^short = "Payment reconciliation"
* payment ^definition = "Reference (URL) to the payment reconciliation, which may be held by an external system."
* paymentDate 1..1
* payee 0..0
* recipient only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-insurance-organization)
* amount.value 1..1
* paymentStatus 1..1
