Instance: ClaimBatchBill
InstanceOf: OpenIMISBill
Usage: #example
Title: "Bill ClaimBatchBill"
Description: "Claim batch bill for September 2021: what the insurance owes Rapta District Hospital for claim Code001 (60 EUR)."
* identifier[Code].type = OpenIMISIdentifierCS#Code
* identifier[Code].value = "BL-RAHOS001-2021-09"
* identifier[UUID].type = OpenIMISIdentifierCS#UUID
* identifier[UUID].value = "6A1C5E2B-3F4D-4B8E-9C07-2D5F8E1A3B49"
* status = #issued
* type = BillTypeCS#claim-batch "Claim batch payment"
// recipient: the third party of the bill, here the health facility to be paid
* recipient = Reference(Organization/RaptaDistrictHospital)
* date = "2021-10-05"
* issuer = Reference(Organization/openIMIS-Implementation)
* lineItem[0].chargeItemCodeableConcept = BillChargeItemCS#claim "Claim"
* lineItem[0].priceComponent[0].extension[unitPrice].valueMoney.value = 60
* lineItem[0].priceComponent[0].extension[unitPrice].valueMoney.currency = #EUR
* lineItem[0].priceComponent[0].type = #base
* lineItem[0].priceComponent[0].code = OpenIMISIdentifierCS#Code
* lineItem[0].priceComponent[0].code.text = "Code001"
* lineItem[0].priceComponent[0].factor = 1
* lineItem[0].priceComponent[0].amount.value = 60
* lineItem[0].priceComponent[0].amount.currency = #EUR
* totalNet.value = 60
* totalNet.currency = #EUR
* totalGross.value = 60
* totalGross.currency = #EUR
