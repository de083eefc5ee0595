CodeSystem: PractitionerQualificationTypeCS
Id: practitioner-qualification-type
Title: "Qualification Type (Practitioner)"
Description: "Role of an openIMIS practitioner: claim administrator or enrolment officer."
* ^caseSensitive = true
* ^content = #complete
* #CA "Claim Administrator"
* #EO "Enrolment Officer"

ValueSet: PractitionerQualificationTypeVS
Id: practitioner-qualification-type
Title: "Practitioner Qualification Type"
Description: "Role of an openIMIS practitioner: claim administrator or enrolment officer. All codes of the code system of the same id."
* include codes from system PractitionerQualificationTypeCS
