Profile: OpenIMISPatient
Parent: Patient
Id: openimis-patient
Title: "openIMIS Patient"
Description: "An openIMIS insuree, with the address of the family (or the insuree's own) and the insuree's attributes."
* insert OpenIMISUuidIdA(Insuree)
* extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-is-head named isHead 0..1 MS and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-education-level named educationLevel 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-profession named profession 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-identification named identification 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-card-issued named cardIssued 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-group-reference named group 0..1 and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-vulnerability-status named vulnerability 0..1
* extension[isHead] ^short = "Head of family"
* extension[isHead] ^definition = "True when the insuree is the head of the family."
* extension[educationLevel] ^short = "Education level"
* extension[educationLevel] ^definition = "The insuree's education level."
* extension[profession] ^short = "Profession"
* extension[profession] ^definition = "The insuree's profession."
* extension[identification] ^short = "Identity document"
* extension[identification] ^definition = "The insuree's identity document (number and kind)."
* extension[cardIssued] ^short = "Insuree card issued"
* extension[cardIssued] ^definition = "True when the insuree has been issued an insuree card."
* extension[group] ^short = "Family/group"
* extension[group] ^definition = "The family or group the insuree belongs to."
* extension[vulnerability] ^short = "Vulnerable"
* extension[vulnerability] ^definition = "True when the insuree is considered vulnerable."

* insert OpenIMISIdentifierSlicesA(0..1, Insuree)
* identifier[Code].value obeys insureeCodeMustBeUnder13Chars

* active ^short = "Active Policy"
* active ^definition = "True when the insuree is covered by an active policy."
* name 1..1
* name ^short = "Official name of the insuree"
* name ^definition = "The insuree's official name: one family name and one given name."
* name.use = #official
* name.family 1..1 MS
* name.given 1..1 MS
* insert TelecomEmailPhoneSlicesA(2, Insuree)
* gender 1..1 MS
* birthDate 1..1 MS
* deceased[x] 0..0

// One address: the family's (use home) or the insuree's own (use temp).
* address 1..1 MS
* address ^slicing.discriminator.type = #value
* address ^slicing.discriminator.path = "use"
* address ^slicing.rules = #closed
* address contains FamilyAddress 0..1 MS and InsureeAddress 0..1
* insert OpenIMISPhysicalAddressA
* address.extension 2..*
* address.extension ^short = "Municipality/ward and village location"
* address.extension ^definition = "The municipality (ward) name and the reference to the village Location, as configured in openIMIS."
* address.extension contains
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-municipality named municipality 1..1 MS and
    https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-location-reference named location 1..1 MS
* address.city 1..1 MS
* address.city ^short = "City/Village"
* address.city ^definition = "The city or village name as configured in openIMIS."
* address.district 1..1 MS
* address.district ^short = "District"
* address.district ^definition = "The district name as configured in openIMIS."
* address.state 1..1 MS
* address.state ^short = "State/Region"
* address.state ^definition = "The region name as configured in openIMIS."
* address[FamilyAddress].use 1..1
* address[FamilyAddress].use = #home
* address[InsureeAddress].use 1..1
* address[InsureeAddress].use = #temp

* maritalStatus from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/patient-marital-status (required)
* multipleBirth[x] 0..0

// Photo: by URL (read) or inline data (create/update).
* photo 0..1 MS
* photo ^slicing.discriminator.type = #exists
* photo ^slicing.discriminator.path = "url"
* photo ^slicing.rules = #closed
* photo ^slicing.description = "A photo is given either by URL or as inline data."
* photo.contentType 1..1 MS
* photo.hash 1..1
* photo.title 1..1 MS
* photo.creation 1..1 MS
* photo contains URL 0..1 and Data 0..1
* photo[URL] ^short = "Photo by URL (read)"
* photo[URL].url 1..1
* photo[URL].data 0..0
* photo[URL].size 1..1
* photo[Data] ^short = "Photo as inline data (create, update)"
* photo[Data].data 1..1
* photo[Data].url 0..0

// The head of the family, when this insuree is not the head (read only).
* contact 0..1
* contact ^short = "Head of family"
* contact ^definition = "The head of the insuree's family; absent when the insuree is the head. Only returned on read."
* contact.relationship 0..1
* contact.relationship from https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/patient-contact-relationship (extensible)
* contact.name 1..1
* contact.name.use 0..0
* contact.name.text 0..0
* contact.name.family 1..1
* contact.name.given 1..1
* contact.name.prefix 0..0
* contact.name.suffix 0..0
* contact.name.period 0..0
* communication 0..0
* generalPractitioner only Reference(https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-health-facility-organization)
* generalPractitioner ^short = "First service point"
* generalPractitioner ^definition = "The health facility chosen as the insuree's first service point."
* managingOrganization 0..0
* link 0..0

Invariant: insureeCodeMustBeUnder13Chars
Description: "Length MUST be <= 12."
Severity: #error
Expression: "$this.length() <= 12"
