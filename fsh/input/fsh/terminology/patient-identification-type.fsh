CodeSystem: PatientIdentificationTypeCS
Id: patient-identification-type
Title: "Identification Type (Patient)"
Description: "Type of document an insuree (Patient) identified with. openIMIS installations may add codes."
* ^caseSensitive = true
* ^content = #complete
* #D "Driver's License"
* #N "National ID"
* #P "Passport"
* #V "Voter Card"

ValueSet: PatientIdentificationTypeVS
Id: patient-identification-type
Title: "Identification Type (Patient)"
Description: "Type of document an insuree (Patient) identified with. openIMIS installations may add codes. All codes of the code system of the same id."
* include codes from system PatientIdentificationTypeCS
