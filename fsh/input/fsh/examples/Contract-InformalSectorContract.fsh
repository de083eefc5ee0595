Instance: InformalSectorContract
InstanceOf: OpenIMISContract
Usage: #example
Title: "Contract InformalSectorContract"
Description: "Enrolment of the Doe family (informal sector) in product RX01 by enrolment officer Jeb Roberts; Jane Doe paid the 1000 EUR contribution in cash."
* status = #executed
* issued = "2021-07-28"
* subject = Reference(Group/doe-family)
* author = Reference(Practitioner/Roberts-Jeb-EO)
* scope = ContractScopeCS#informal "Informal Sector"
* term[0].offer.party[0].reference[0] = Reference(Patient/jane-doe)
* term[0].offer.party[0].role = ContractResourcePartyRoleCS#beneficiary "Beneficiary"
* term[0].asset[0].extension[premium].extension[payer].valueCodeableConcept = ContractPremiumPayerCS#beneficiary "Beneficiary"
* term[0].asset[0].extension[premium].extension[category].valueCodeableConcept = ContractPremiumCategoryCS#C "Contribution and Others"
* term[0].asset[0].extension[premium].extension[amount].valueMoney.value = 1000
* term[0].asset[0].extension[premium].extension[amount].valueMoney.currency = #EUR
* term[0].asset[0].extension[premium].extension[receipt].valueString = "RE184"
* term[0].asset[0].extension[premium].extension[date].valueDate = "2021-07-28"
* term[0].asset[0].extension[premium].extension[type].valueCodeableConcept = ContractPremiumTypeCS#C "Cash"
* term[0].asset[0].typeReference[0] = Reference(Patient/jane-doe)
* term[0].asset[0].typeReference[1] = Reference(Patient/john-doe)
* term[0].asset[0].period.start = "2021-07-01"
* term[0].asset[0].period.end = "2022-06-30"
* term[0].asset[0].usePeriod.start = "2021-07-28"
* term[0].asset[0].usePeriod.end = "2022-06-30"
* term[0].asset[0].valuedItem[0].entityReference = Reference(InsurancePlan/RX01)
* term[0].asset[0].valuedItem[0].net.value = 1000
* term[0].asset[0].valuedItem[0].net.currency = #EUR
