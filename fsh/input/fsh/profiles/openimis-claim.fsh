Profile: OpenIMISClaim
Parent: Claim
Id: openimis-claim
Title: "openIMIS Claim"
Description: "A claim sent by a health facility to openIMIS for the items and services given to an insuree."
* ^mapping[0].identity = "openimis-claim-mapping"
* ^mapping[0].uri = "https://openimis.atlassian.net/wiki/spaces/OP/pages/1448443905"
* ^mapping[0].name = "openIMIS Claim"
* id ^short = "Claim UUID"
* id ^definition = "The UUID openIMIS gave the claim."
* insert OpenIMISIdentifierSlicingB
* identifier 1..2 MS
* identifier contains Code 1..1 MS and UUID 0..1
* insert OpenIMISIdentifierSliceB(Code)
* identifier[Code].type.coding.code ^short = "Claim code (openIMIS)"
* insert OpenIMISIdentifierSliceB(UUID)
* identifier[UUID].type.coding.code ^short = "Claim UUID (openIMIS)"
* status = #active
* status ^short = "Always active"
* type.coding from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/claim-visit-type (required)
* type.coding ^short = "Visit type (emergency, referral, other)"
* subType 0..0
* use = #claim
* use ^short = "openIMIS handles claims only"
* patient only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient)
* billablePeriod 1..1
* billablePeriod.start 1..1
* billablePeriod.start ^short = "First day of care"
* billablePeriod.end ^short = "Last day of care (absent: same as start)"
* created ^short = "Date the claim was made"
* created ^mapping[0].identity = "openimis-claim-mapping"
* created ^mapping[0].map = "tblClaim.DateClaimed"
* enterer 1..1
* enterer only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-claim-administrator-practitioner)
* insurer 0..0
* provider only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-health-facility-organization)
* provider ^short = "Health facility that gave the care"
* priority = http://terminology.hl7.org/CodeSystem/processpriority#normal "Normal"
* fundsReserve 0..0
* related 0..0
* prescription 0..0
* originalPrescription 0..0
* payee 0..0
* referral 0..0
* facility 0..0
* careTeam 0..0
// supportingInfo: sliced on the category code; each slice states its code at the discriminator path.
* insert OpenIMISValueSlicingB(supportingInfo, category.coding.code)
* supportingInfo.category from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/claim-supporting-info-category (required)
* supportingInfo.code 0..0
* supportingInfo.timing[x] 0..0
* supportingInfo.value[x] 1..1
* supportingInfo.reason 0..0
* supportingInfo contains explanation 0..1 and guarantee 0..1 and attachment 0..* and justification 0..1
* supportingInfo[explanation] ^short = "Explanation"
* supportingInfo[explanation].category = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-supporting-info-category#explanation
* supportingInfo[explanation].category.coding.code = #explanation
* supportingInfo[explanation].value[x] only string
* supportingInfo[guarantee] ^short = "Guarantee number"
* supportingInfo[guarantee].category = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-supporting-info-category#guarantee
* supportingInfo[guarantee].category.coding.code = #guarantee
* supportingInfo[guarantee].value[x] only string
* supportingInfo[attachment] ^short = "Attached document"
* supportingInfo[attachment].category = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-supporting-info-category#attachment
* supportingInfo[attachment].category.coding.code = #attachment
* supportingInfo[attachment].value[x] only Attachment
* supportingInfo[justification] ^short = "Justification"
* supportingInfo[justification].category = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-supporting-info-category#justification
* supportingInfo[justification].category.coding.code = #justification
* supportingInfo[justification].value[x] only string
* diagnosis 1..5
* diagnosis ^short = "One main diagnosis, up to four secondary ones"
* diagnosis.diagnosis[x] only CodeableConcept
* diagnosis.diagnosis[x] from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/diagnosis-ICD10-level1 (example)
* diagnosis.type 0..0
* diagnosis.onAdmission 0..0
* diagnosis.packageCode 0..0
* procedure 0..0
* insurance 1..1
* insurance.focal = true
* insurance.identifier 0..0
* insurance.coverage only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-coverage)
* insurance.coverage ^short = "Insuree's policy (see CoverageEligibilityRequest)"
* insurance.businessArrangement 0..0
* insurance.preAuthRef 0..0
* insurance.claimResponse 0..0
* accident 0..0
* item 1..*
* item.extension contains https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/claim-item-reference named itemReference 1..1
* item.extension[itemReference] ^short = "The Medication or ActivityDefinition claimed"
* item.careTeamSequence 0..0
* item.diagnosisSequence 0..0
* item.procedureSequence 0..0
* item.informationSequence 0..0
* item.revenue 0..0
* item.category from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/claim-item-category (required)
* item.category ^short = "Medical item or service"
* item.productOrService.coding 0..0
* item.productOrService.text 1..1
* item.productOrService.text ^short = "openIMIS item or service code"
* item.modifier 0..0
* item.programCode 0..0
* item.serviced[x] 0..0
* item.location[x] 0..0
* item.quantity 1..1
* item.quantity.value 1..1
* item.quantity.unit 0..0
* item.quantity.system 0..0
* item.quantity.code 0..0
* item.unitPrice 1..1
* item.unitPrice.value 1..1
* item.factor 0..0
* item.net 0..0
* item.udi 0..0
* item.bodySite 0..0
* item.subSite 0..0
* item.encounter 0..0
* item.detail 0..0
* total 1..1
* total.value 1..1
