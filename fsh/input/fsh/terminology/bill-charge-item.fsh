CodeSystem: BillChargeItemCS
Id: bill-charge-item
Title: "ChargeItem (Bill Invoice)"
Description: "What a line of a Bill (Invoice) charges for."
* ^caseSensitive = true
* ^content = #complete
* #claim "Claim" "Fee-for-service or Capitation amount"
* #commission "Commission" "Commission amount"
* #fees "Fees" "Fees amount"

ValueSet: BillChargeItemVS
Id: bill-charge-item
Title: "ChargeItem (Bill Invoice)"
Description: "What a line of a Bill (Invoice) charges for. All codes of the code system of the same id."
* include codes from system BillChargeItemCS
