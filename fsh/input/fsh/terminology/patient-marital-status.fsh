ValueSet: PatientMaritalStatusVS
Id: patient-marital-status
Title: "Marital Status (Patient)"
Description: "Marital status of an insuree (Patient): married, single, divorced, widowed, or unknown (v3 NullFlavor UNK)."
// UNK comes from v3-NullFlavor, as in the core marital-status ValueSet (1.0.0 put it under v3-MaritalStatus, FACTS.md 8.1 #15).
* $v3-MaritalStatus#M "Married"
* $v3-MaritalStatus#S "Single"
* $v3-MaritalStatus#D "Divorced"
* $v3-MaritalStatus#W "Widowed"
* $v3-NullFlavor#UNK "unknown"
