Instance: InformalSectorContributionInvoice
InstanceOf: OpenIMISInvoice
Usage: #example
Title: "Invoice InformalSectorContributionInvoice"
Description: "Contribution invoice sent to Jane Doe (informal sector) for her family's policy: 10000 EUR."
* identifier[Code].type = OpenIMISIdentifierCS#Code
* identifier[Code].value = "IV-BCUL0001-13000001-2021-09"
* identifier[UUID].type = OpenIMISIdentifierCS#UUID
* identifier[UUID].value = "D33E703F-D10B-43D8-9578-5137C118AD84"
* status = #issued
* type = InvoiceTypeCS#contribution "Contribution"
* recipient = Reference(Patient/jane-doe)
* date = "2021-01-28"
* issuer = Reference(Organization/openIMIS-Implementation)
* lineItem[0].chargeItemCodeableConcept = InvoiceChargeItemCS#policy "Policy"
* lineItem[0].priceComponent[0].extension[unitPrice].valueMoney.value = 10000
* lineItem[0].priceComponent[0].extension[unitPrice].valueMoney.currency = #EUR
* lineItem[0].priceComponent[0].type = #base
* lineItem[0].priceComponent[0].code = OpenIMISIdentifierCS#Code
* lineItem[0].priceComponent[0].code.text = "BCUL0001"
* lineItem[0].priceComponent[0].factor = 1
* lineItem[0].priceComponent[0].amount.value = 10000
* lineItem[0].priceComponent[0].amount.currency = #EUR
* totalNet.value = 10000
* totalNet.currency = #EUR
* totalGross.value = 10000
* totalGross.currency = #EUR
