Profile: OpenIMISCoverageEligibilityRequest
Parent: CoverageEligibilityRequest
Id: openimis-coverage-eligibility-request
Title: "openIMIS CoverageEligibilityRequest"
Description: "An enquiry about an insuree's benefits, optionally for one medical item and/or one service."
* insert OpenIMISIdentifierSlicingB
* identifier 1..1
* identifier contains UUID 1..1
* insert OpenIMISIdentifierSliceB(UUID)
* identifier[UUID].type.coding.code ^short = "UUID given by the external system"
* status = #active
* priority 0..0
* purpose ..1
* purpose = #benefits
* patient only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* serviced[x] 0..0
* enterer 0..0
* provider 0..0
* insurer only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-insurance-organization)
* insurer ^short = "The openIMIS implementation (one insurer per instance)"
* facility 0..0
* supportingInfo 0..0
* insurance 0..0
* item ..2
* insert OpenIMISValueSlicingB(item, category.coding.code)
* item.supportingInfoSequence 0..0
* item.category from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/coverage-item-category (required)
* item.category ^short = "Medical item or service"
* item.productOrService 1..1
* item.productOrService.coding 0..0
* item.productOrService.text 1..1
* item.productOrService.text ^short = "openIMIS item or service code"
* item.modifier 0..0
* item.provider 0..0
* item.quantity 0..0
* item.unitPrice 0..0
* item.facility 0..0
* item.diagnosis 0..0
* item.detail 0..0
* item contains item 0..1 and service 0..1
* item[item].category = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/coverage-item-category#item "Item"
* item[item].category.coding.code = #item
* item[item].category ^short = "Eligibility for a medical item"
* item[service].category = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/coverage-item-category#service "Service"
* item[service].category.coding.code = #service
* item[service].category ^short = "Eligibility for a service"
