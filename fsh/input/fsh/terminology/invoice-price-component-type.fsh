ValueSet: InvoicePriceComponentTypeVS
Id: invoice-price-component-type
Title: "PriceComponent Type (Invoice)"
Description: "Price component types used on Invoice lines."
* http://hl7.org/fhir/invoice-priceComponentType#base "base price"
* http://hl7.org/fhir/invoice-priceComponentType#discount "discount"
* http://hl7.org/fhir/invoice-priceComponentType#deduction "deduction"
* http://hl7.org/fhir/invoice-priceComponentType#tax "tax"
