// Rule sets shared by the Claim/Coverage/InsurancePlan/Invoice/... profiles (suffix B).

// The openIMIS identifier pattern: identifiers are told apart by identifier.type.coding.code
// (Code or UUID from the openimis-identifiers ValueSet); every identifier has a type and a value.
RuleSet: OpenIMISIdentifierSlicingB
* identifier ^slicing.discriminator[0].type = #value
* identifier ^slicing.discriminator[0].path = "type.coding.code"
* identifier ^slicing.rules = #closed
* identifier.type 1..
* identifier.type.coding.code from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/openimis-identifiers (required)
* identifier.value 1..

// One identifier slice ({slice} is Code or UUID): the type code is required and fixed by pattern.
RuleSet: OpenIMISIdentifierSliceB(slice)
* identifier[{slice}].type.coding.code 1..
* identifier[{slice}].type.coding.code = #{slice}

// A value slicing on the given path (closed).
RuleSet: OpenIMISValueSlicingB(element, path)
* {element} ^slicing.discriminator[0].type = #value
* {element} ^slicing.discriminator[0].path = "{path}"
* {element} ^slicing.rules = #closed

// Feedback payload (Communication and CommunicationRequest): five answers, each told apart by the
// code of its communication-payload-type extension. The slice names are the wire codes (Asessment sic).
RuleSet: OpenIMISFeedbackPayloadB
* payload 5..5
* payload ^slicing.discriminator[0].type = #value
* payload ^slicing.discriminator[0].path = "extension('https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/communication-payload-type').value.coding.code"
* payload ^slicing.rules = #closed
* payload.extension contains https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/communication-payload-type named type 1..1
* payload.content[x] only string
* payload contains CareRendered 1..1 and PaymentAsked 1..1 and DrugPrescribed 1..1 and DrugReceived 1..1 and Asessment 1..1
* insert OpenIMISFeedbackPayloadSliceB(CareRendered)
* insert OpenIMISFeedbackPayloadSliceB(PaymentAsked)
* insert OpenIMISFeedbackPayloadSliceB(DrugPrescribed)
* insert OpenIMISFeedbackPayloadSliceB(DrugReceived)
* insert OpenIMISFeedbackPayloadSliceB(Asessment)

RuleSet: OpenIMISFeedbackPayloadSliceB(code)
* payload[{code}].extension[type].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/feedback-payload#{code}
* payload[{code}].extension[type].valueCodeableConcept.coding.code = #{code}

// CoverageEligibilityResponse.insurance.item slice for a medical item or a service ({slice} = item | service).
RuleSet: OpenIMISEligibilityItemB(slice, display)
* insurance.item[{slice}] ^short = "Eligibility for the {slice} asked about"
* insurance.item[{slice}].category = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/coverage-item-category#{slice} "{display}"
* insurance.item[{slice}].category.coding.code = #{slice}
* insurance.item[{slice}].productOrService 1..1
* insurance.item[{slice}].productOrService.coding 0..0
* insurance.item[{slice}].productOrService.text 1..1
* insurance.item[{slice}].productOrService.text ^short = "openIMIS {slice} code"
* insurance.item[{slice}].excluded 1..1
* insurance.item[{slice}].excluded ^short = "Whether the {slice} is excluded from the product"
* insurance.item[{slice}].benefit ..2
* insert OpenIMISValueSlicingB(insurance.item[{slice}].benefit, type.coding.code)
* insurance.item[{slice}].benefit.used[x] 0..0
* insurance.item[{slice}].benefit contains minDate 0..1 and itemLeft 0..1
* insurance.item[{slice}].benefit[minDate].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/coverage-item-benefit-type#min_date_item "Mininum date"
* insurance.item[{slice}].benefit[minDate].type.coding.code = #min_date_item
* insurance.item[{slice}].benefit[minDate].allowed[x] only string
* insurance.item[{slice}].benefit[itemLeft].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/coverage-item-benefit-type#item_left "Items left"
* insurance.item[{slice}].benefit[itemLeft].type.coding.code = #item_left
* insurance.item[{slice}].benefit[itemLeft].allowed[x] only unsignedInt

// InsurancePlan.plan.generalCost slice: the cost type code stated at the discriminator path.
RuleSet: OpenIMISGeneralCostB(slice, display)
* plan.generalCost[{slice}].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/insurance-plan-general-cost-type#{slice} "{display}"
* plan.generalCost[{slice}].type.coding.code = #{slice}

// Invoice and Bill share one structure; only the type and charge-item ValueSets differ.
RuleSet: OpenIMISInvoiceB(typeVS, chargeItemVS)
* insert OpenIMISIdentifierSlicingB
* identifier 2..2
* identifier contains Code 1..1 MS and UUID 1..1
* insert OpenIMISIdentifierSliceB(Code)
* insert OpenIMISIdentifierSliceB(UUID)
* status from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/invoice-status (required)
* status ^short = "issued | balanced | cancelled"
* cancelledReason 0..0
* type 1..1
* type.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/{typeVS} (required)
* subject 0..0
* recipient 1..1
* recipient only Reference(Organization or Patient)
* recipient ^short = "Third party billed"
* date 1..1
* participant 0..0
* account 0..0
* lineItem 1..*
* lineItem.sequence 0..0
* lineItem.chargeItem[x] only CodeableConcept
* lineItem.chargeItem[x] from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/{chargeItemVS} (required)
* lineItem.priceComponent 1..*
* lineItem.priceComponent.extension contains https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/unit-price named unitPrice 1..1
* lineItem.priceComponent.extension[unitPrice] ^short = "Unit price of the line"
* lineItem.priceComponent.type from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/invoice-price-component-type (required)
* lineItem.priceComponent.type ^short = "base | deduction | discount | tax"
* lineItem.priceComponent.code ^short = "Code (base component only)"
* lineItem.priceComponent.code.coding.code = #Code
* lineItem.priceComponent.factor 1..1
* lineItem.priceComponent.factor ^definition = "base: the quantity; tax: the rate; discount: the discount; deduction: 1."
* lineItem.priceComponent.amount 1..1
* lineItem.priceComponent.amount ^definition = "base: unit price × quantity; tax: (unit price × quantity × (1 − discount) − deduction) × rate; discount and deduction: the amount taken off."
* lineItem.priceComponent.amount.value 1..1
* totalPriceComponent 0..0
* totalNet 1..1
* totalNet.value 1..1
* totalGross 1..1
* totalGross.value 1..1
* note ..1
