Instance: JoeDoeCoverage
InstanceOf: OpenIMISCoverage
Usage: #example
Title: "Coverage JoeDoeCoverage"
Description: "John Doe's policy under product RX01 (Regional fixed enrolment), held and paid by Jane Doe, 2021-07-01 to 2022-06-30."
// coverageDate: first the enrolment date, then the effective date
* extension[coverageDate][0].valueDate = "2021-01-28"
* extension[coverageDate][1].valueDate = "2021-01-28"
* identifier[UUID].type = OpenIMISIdentifierCS#UUID
* identifier[UUID].value = "D30F70DF-D10B-43D4-BF31-5137C118AD84"
* status = #active
* policyHolder = Reference(Patient/jane-doe)
* beneficiary = Reference(Patient/john-doe)
* period.start = "2021-07-01"
* period.end = "2022-06-30"
* payor = Reference(Patient/jane-doe)
* class[0].type = http://terminology.hl7.org/CodeSystem/coverage-class#plan "Plan"
* class[0].value = "RX01"
* class[0].name = "Regional fixed enrolment"
