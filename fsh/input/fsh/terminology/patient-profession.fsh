CodeSystem: PatientProfessionCS
Id: patient-profession
Title: "Profession (Patient)"
Description: "Profession of an insuree (Patient). openIMIS installations may add codes."
* ^caseSensitive = true
* ^content = #complete
* #1 "Housewife"
* #2 "Employee"
* #3 "Self Employee"
* #4 "Other"

ValueSet: PatientProfessionVS
Id: patient-profession
Title: "Profession (Patient)"
Description: "Profession of an insuree (Patient). openIMIS installations may add codes. All codes of the code system of the same id."
* include codes from system PatientProfessionCS
