Instance: ContributionPaymentNotice
InstanceOf: OpenIMISPaymentNotice
Usage: #example
Title: "PaymentNotice ContributionPaymentNotice"
Description: "Notice that Jane Doe's contribution invoice InformalSectorContributionInvoice (10000 EUR) has been paid."
* identifier.type = OpenIMISIdentifierCS#UUID
* identifier.value = "9B7E3C1A-5D2F-4E6A-8B90-1C3D5E7F9A2B"
* status = #active
* request = Reference(Invoice/InformalSectorContributionInvoice)
* created = "2021-02-01"
// the payment reconciliation is held by the external accounting system: a logical reference
* payment.identifier.system = "https://api.accounting.org/payment-reconciliation"
* payment.identifier.value = "PR-2021-000184"
* paymentDate = "2021-02-01"
* recipient = Reference(Organization/openIMIS-Implementation)
* amount.value = 10000
* amount.currency = #EUR
* paymentStatus = http://terminology.hl7.org/CodeSystem/paymentstatus#paid "Paid"
