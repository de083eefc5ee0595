// External code systems used by the terminology ValueSets ($-prefixed to avoid clashes with other folders).
Alias: $insurance-plan-type = http://terminology.hl7.org/CodeSystem/insurance-plan-type
Alias: $usage-context-type = http://terminology.hl7.org/CodeSystem/usage-context-type
Alias: $v3-ActCode = http://terminology.hl7.org/CodeSystem/v3-ActCode
Alias: $v3-MaritalStatus = http://terminology.hl7.org/CodeSystem/v3-MaritalStatus
Alias: $v3-NullFlavor = http://terminology.hl7.org/CodeSystem/v3-NullFlavor
