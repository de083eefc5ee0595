Profile: OpenIMISContract
Parent: Contract
Id: openimis-contract
Title: "openIMIS Contract"
Description: "The enrolment (or renewal) of a family/group or policy holder in openIMIS products; accepted on create only."
* id ^short = "Contract UUID"
* id ^definition = "The UUID openIMIS gave the policy."
* insert OpenIMISIdentifierSlicingB
* identifier contains UUID 0..1
* insert OpenIMISIdentifierSliceB(UUID)
* identifier[UUID].type.coding.code ^short = "Policy UUID (openIMIS)"
* url 0..0
* version 0..0
* status from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/contract-status-codes (required)
* status ^short = "offered (idle) | executed (active)"
* status ^definition = "Policy status: offered = idle, executed = active (from Policy.PolicyStatus)."
* legalState 0..0
* instantiatesCanonical 0..0
* instantiatesUri 0..0
* contentDerivative 0..0
* issued 1..1
* issued ^short = "Enrolment or renewal date (Policy.EnrollDate)"
* applies 0..0
* expirationType 0..0
* subject 1..1
* subject only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-group or https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-policy-holder-organization)
* subject ^short = "Family/group or policy holder enrolled (Policy.FamilyID)"
* authority ..1
* authority only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-insurance-organization)
* authority ^short = "The openIMIS implementation"
* domain 0..0
* site 0..0
* name 0..0
* title 0..0
* subtitle 0..0
* alias 0..0
* author only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-enrolment-officer-practitioner)
* author ^short = "Enrolment officer (Policy.OfficerID)"
* scope 1..1
* scope from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/contract-scope (required)
* scope ^short = "formal | informal sector"
* topic[x] 0..0
* type 0..0
* subType 0..0
* contentDefinition 0..0
* term 1..*
* term ^short = "Policies the beneficiary enrols in"
* term.identifier 0..0
* term.issued 0..0
* term.applies 0..0
* term.topic[x] 0..0
* term.type 0..0
* term.subType 0..0
* term.text 0..0
* term.securityLabel 0..0
* term.offer.identifier 0..0
* term.offer.party 1..1
* term.offer.party.reference ..1
* term.offer.party.reference only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* term.offer.party.reference ^short = "Insuree (head of family) covered"
* term.offer.party.role = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/contract-resource-party-role#beneficiary "Beneficiary"
* term.offer.topic 0..0
* term.offer.type 0..0
* term.offer.decision 0..0
* term.offer.decisionMode 0..0
* term.offer.answer 0..0
* term.offer.text 0..0
* term.offer.linkId 0..0
* term.offer.securityLabelNumber 0..0
* term.asset 1..*
* term.asset ^short = "Policy"
* term.asset.extension contains https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/contract-premium named premium 0..* MS
* term.asset.extension[premium] ^short = "Premiums paid for the policy"
* term.asset.scope 0..0
* term.asset.type 0..0
* term.asset.typeReference 1..*
* term.asset.typeReference only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* term.asset.typeReference ^short = "Insurees covered by the policy (tblInsureePolicy)"
* term.asset.subtype 0..0
* term.asset.relationship 0..0
* term.asset.context 0..0
* term.asset.condition 0..0
* term.asset.periodType 0..0
* term.asset.period 1..1
* term.asset.period.start 1..1
* term.asset.period.start ^short = "Start date (Policy.StartDate)"
* term.asset.period.end 1..1
* term.asset.period.end ^short = "Expiry date (Policy.ExpiryDate)"
* term.asset.usePeriod 1..1
* term.asset.usePeriod.start 1..1
* term.asset.usePeriod.start ^short = "Effective date (Policy.EffectiveDate)"
* term.asset.usePeriod.end 1..1
* term.asset.usePeriod.end ^short = "Expiry date (Policy.ExpiryDate)"
* term.asset.text 0..0
* term.asset.linkId 0..0
* term.asset.answer 0..0
* term.asset.securityLabelNumber 0..0
* term.asset.valuedItem 1..*
* term.asset.valuedItem.entity[x] 1..1
* term.asset.valuedItem.entity[x] only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-insurance-plan)
* term.asset.valuedItem.entity[x] ^short = "Product (Policy.ProdID)"
* term.asset.valuedItem.identifier 0..0
* term.asset.valuedItem.effectiveTime 0..0
* term.asset.valuedItem.quantity 0..0
* term.asset.valuedItem.unitPrice 0..0
* term.asset.valuedItem.factor 0..0
* term.asset.valuedItem.points 0..0
* term.asset.valuedItem.net 1..1
* term.asset.valuedItem.net.value 1..1
* term.asset.valuedItem.net.value ^short = "Policy value (Policy.PolicyValue)"
* term.asset.valuedItem.payment 0..0
* term.asset.valuedItem.paymentDate 0..0
* term.asset.valuedItem.responsible 0..0
* term.asset.valuedItem.recipient 0..0
* term.asset.valuedItem.linkId 0..0
* term.asset.valuedItem.securityLabelNumber 0..0
* term.action 0..0
* term.group 0..0
* supportingInfo 0..0
* relevantHistory 0..0
* signer 0..0
* friendly 0..0
* legal 0..0
* rule 0..0
* legallyBinding[x] 0..0
