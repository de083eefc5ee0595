Instance: RX02
InstanceOf: OpenIMISInsurancePlan
Usage: #example
Title: "InsurancePlan RX02"
Description: "Product RX02, the successor of RX01 in the Upper River Region, valid from 2023-10-01 to 2030-12-31."
* extension[maxInstallments].valueUnsignedInt = 3
* extension[startCycle][0].valueString = "01-03"
* extension[startCycle][1].valueString = "01-07"
* extension[startCycle][2].valueString = "01-10"
// period: administration period, then grace periods for payment, renewal, enrolment (months)
* extension[period][0].valueQuantity.value = 1
* extension[period][0].valueQuantity.unit = "months"
* extension[period][1].valueQuantity.value = 1
* extension[period][1].valueQuantity.unit = "months"
* extension[period][2].valueQuantity.value = 1
* extension[period][2].valueQuantity.unit = "months"
* extension[period][3].valueQuantity.value = 1
* extension[period][3].valueQuantity.unit = "months"
// discount: renewal discount, then enrolment discount
* extension[discount][0].extension[Percentage].valueDecimal = 50
* extension[discount][0].extension[Period].valueQuantity.value = 2
* extension[discount][0].extension[Period].valueQuantity.unit = "months"
* extension[discount][1].extension[Percentage].valueDecimal = 80
* extension[discount][1].extension[Period].valueQuantity.value = 2
* extension[discount][1].extension[Period].valueQuantity.unit = "months"
* identifier[Code].type = OpenIMISIdentifierCS#Code
* identifier[Code].value = "RX02"
* status = #active
* type = http://terminology.hl7.org/CodeSystem/insurance-plan-type#medical "Medical"
* name = "Regional fixed enrolment"
* period.start = "2023-10-01"
* period.end = "2030-12-31"
* coverageArea = Reference(Location/Upper-River-Region)
* coverage[0].type = http://terminology.hl7.org/CodeSystem/insurance-plan-type#medical "Medical"
* coverage[0].benefit[0].type = http://terminology.hl7.org/CodeSystem/insurance-plan-type#medical "Medical"
* coverage[0].benefit[0].limit[period].value.value = 12
* coverage[0].benefit[0].limit[period].value.unit = "month"
* coverage[0].benefit[0].limit[period].code = InsurancePlanCoverageBenefitLimitCS#period "Period"
* coverage[0].benefit[0].limit[memberCount].value.value = 10
* coverage[0].benefit[0].limit[memberCount].value.unit = "member"
* coverage[0].benefit[0].limit[memberCount].code = InsurancePlanCoverageBenefitLimitCS#memberCount "Member Count"
* plan[0].generalCost[lumpsum].type = InsurancePlanGeneralCostTypeCS#lumpsum "Lumpsum"
* plan[0].generalCost[lumpsum].groupSize = 3
* plan[0].generalCost[lumpsum].cost.value = 1500
* plan[0].generalCost[lumpsum].cost.currency = #EUR
* plan[0].generalCost[premiumAdult].type = InsurancePlanGeneralCostTypeCS#premiumAdult "Premium Adult"
* plan[0].generalCost[premiumAdult].cost.value = 150
* plan[0].generalCost[premiumAdult].cost.currency = #EUR
* plan[0].generalCost[premiumChild].type = InsurancePlanGeneralCostTypeCS#premiumChild "Premium Child"
* plan[0].generalCost[premiumChild].cost.value = 70
* plan[0].generalCost[premiumChild].cost.currency = #EUR
* plan[0].generalCost[registrationFee].type = InsurancePlanGeneralCostTypeCS#registrationFee "Registration Fee"
* plan[0].generalCost[registrationFee].cost.value = 200
* plan[0].generalCost[registrationFee].cost.currency = #EUR
