CodeSystem: BillTypeCS
Id: bill-type
Title: "Type (Bill Invoice)"
Description: "Kind of Bill (Invoice)."
* ^caseSensitive = true
* ^content = #complete
* #claim-batch "Claim batch payment" "How much the insurance need to pay the HF for the claims reimbursment."
* #commission "Commission" "How much the insurance need to pay the commission to EO."
* #fees "Fees" "How much the insurance need to pay the payment platform for the fee for payment service."

ValueSet: BillTypeVS
Id: bill-type
Title: "Type (Bill Invoice)"
Description: "Kind of Bill (Invoice). All codes of the code system of the same id."
* include codes from system BillTypeCS
