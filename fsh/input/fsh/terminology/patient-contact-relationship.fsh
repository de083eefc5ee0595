CodeSystem: PatientContactRelationshipCS
Id: patient-contact-relationship
Title: "Contact Relationship (Patient)"
Description: "Relationship of an insuree (Patient) to the head of the family."
* ^caseSensitive = true
* ^content = #complete
* #1 "Brother/Sister"
* #2 "Father/Mother"
* #3 "Uncle/Aunt"
* #4 "Son/Daughter"
* #5 "Grand parents"
* #6 "Employee"
* #7 "Others"
* #8 "Spouse"

ValueSet: PatientContactRelationshipVS
Id: patient-contact-relationship
Title: "Contact Relationship (Patient)"
Description: "Relationship of an insuree (Patient) to the head of the family. All codes of the code system of the same id."
* include codes from system PatientContactRelationshipCS
