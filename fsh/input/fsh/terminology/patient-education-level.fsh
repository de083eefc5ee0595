CodeSystem: PatientEducationLevelCS
Id: patient-education-level
Title: "Education Level (Patient)"
Description: "Education level of an insuree (Patient). openIMIS installations may add codes."
* ^caseSensitive = true
* ^content = #complete
* #1 "Nursery"
* #2 "Primary school"
* #3 "Secondary school"
* #4 "University"
* #5 "Postgraduate studies"
* #6 "PHD"
* #7 "Other"

ValueSet: PatientEducationLevelVS
Id: patient-education-level
Title: "Education Level (Patient)"
Description: "Education level of an insuree (Patient). openIMIS installations may add codes. All codes of the code system of the same id."
* include codes from system PatientEducationLevelCS
