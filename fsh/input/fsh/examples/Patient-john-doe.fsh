Instance: john-doe
InstanceOf: OpenIMISPatient
Usage: #example
Title: "Patient john-doe: insuree John Doe"
Description: "John Doe, a member (not the head) of the Doe family, living at the family address in the village of Jamula. His contact is the head of the family, his wife Jane Doe."
* extension[isHead].valueBoolean = false
* extension[educationLevel].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/patient-education-level#4 "University"
* extension[profession].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/patient-profession#2 "Employee"
* extension[identification].extension[number].valueString = "NationaID1"
* extension[identification].extension[type].valueCodeableConcept = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/patient-identification-type#N "National ID"
* extension[cardIssued].valueBoolean = true
* extension[group].valueReference = Reference(Group/doe-family)
* extension[vulnerability].valueBoolean = true
* identifier[Code].type = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers#Code
* identifier[Code].value = "123456789"
* name.use = #official
* name.family = "Doe"
* name.given = "John"
* gender = #male
* birthDate = "1962-02-05"
* address[FamilyAddress].extension[municipality].valueString = "Jamu"
* address[FamilyAddress].extension[location].valueReference = Reference(Location/Jamula-village)
* address[FamilyAddress].use = #home
* address[FamilyAddress].type = #physical
* address[FamilyAddress].line = "5 Tsoka"
* address[FamilyAddress].city = "Jamula"
* address[FamilyAddress].district = "Jimara"
* address[FamilyAddress].state = "Upper River Region"
* maritalStatus = http://terminology.hl7.org/CodeSystem/v3-MaritalStatus#M "Married"
* contact.relationship = https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/patient-contact-relationship#8 "Spouse"
* contact.name.family = "Doe"
* contact.name.given = "Jane"
