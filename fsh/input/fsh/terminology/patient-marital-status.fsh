ValueSet: PatientMaritalStatusVS
Id: patient-marital-status
Title: "Marital Status (Patient)"
Description: "Marital status of an insuree (Patient): married, single, divorced, widowed, or unknown (v3 NullFlavor UNK)."
// UNK comes from v3-NullFlavor, as in the core marital-status ValueSet (1.0.0 put it under v3-MaritalStatus, FACTS.md 8.1 #15).
* http://terminology.hl7.org/CodeSystem/v3-MaritalStatus#M "Married"
* http://terminology.hl7.org/CodeSystem/v3-MaritalStatus#S "Single"
* http://terminology.hl7.org/CodeSystem/v3-MaritalStatus#D "Divorced"
* http://terminology.hl7.org/CodeSystem/v3-MaritalStatus#W "Widowed"
* http://terminology.hl7.org/CodeSystem/v3-NullFlavor#UNK "unknown"
