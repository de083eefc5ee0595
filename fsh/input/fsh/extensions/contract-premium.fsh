Extension: ContractPremiumExtension
Id: contract-premium
Title: "Premium (Contract)"
Description: "A premium (contribution) paid for a policy: who paid, its category, amount, receipt, date and payment type. Complex extension."
// 1.0.0 named the profile OpenIMISContract; it is used on Contract.term.asset.
Context: Contract.term.asset
* extension contains
    payer 0..1 MS and
    category 1..1 MS and
    amount 1..1 MS and
    receipt 1..1 and
    date 1..1 and
    type 1..1
* extension[payer] ^short = "Who paid the premium"
* extension[payer].value[x] only CodeableConcept
* extension[payer].valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/contract-premium-payer (extensible)
* extension[category] ^short = "Premium category"
* extension[category].value[x] only CodeableConcept
* extension[category].valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/contract-premium-category (required)
* extension[amount] ^short = "Amount paid"
* extension[amount].value[x] only Money
* extension[amount].valueMoney.value 1..1
* extension[receipt] ^short = "Receipt number"
* extension[receipt].value[x] only string
* extension[date] ^short = "Date of payment"
* extension[date].value[x] only date
* extension[type] ^short = "Payment type"
* extension[type].value[x] only CodeableConcept
* extension[type].valueCodeableConcept from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/contract-premium-type (required)
