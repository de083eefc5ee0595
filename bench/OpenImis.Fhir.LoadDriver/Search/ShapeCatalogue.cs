using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// The query shapes of issue 5, on the openIMIS data set of bench/OpenImis.Fhir.DataGenerator. Each draws its values
/// from sampled resources so that every search has results: the identifier of a sampled Patient, the facility and
/// date of a sampled Claim, the Patient of a sampled Claim for chains and reverse chains, and so on.
/// </summary>
internal static class ShapeCatalogue
{
    public const string OpenImisIdentifiers = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers";

    public static readonly IReadOnlyList<SearchShape> All =
    [
        // Lookups: one resource by business code or id.
        new("patient-identifier", "Patient?identifier={CHFID}", LatencyTarget.Lookup, (data, random) =>
            data.Pick(random, "Patient", p => p.Code is not null) is { } p
                ? DrawnQuery.Of("Patient", ("identifier", p.Code!)) with { ExpectedId = p.Id } : null),
        new("patient-identifier-of-type", "Patient?identifier:of-type=openimis-identifiers|Code|{CHFID}", LatencyTarget.Lookup, (data, random) =>
            data.Pick(random, "Patient", p => p.Code is not null) is { } p
                ? DrawnQuery.Of("Patient", ("identifier:of-type", $"{OpenImisIdentifiers}|Code|{p.Code}")) with { ExpectedId = p.Id } : null),
        new("patient-id", "Patient?_id={id}", LatencyTarget.Lookup, (data, random) =>
            data.Pick(random, "Patient", _ => true) is { } p ? DrawnQuery.Of("Patient", ("_id", p.Id)) with { ExpectedId = p.Id } : null),
        new("claim-identifier", "Claim?identifier={claim code}", LatencyTarget.Lookup, (data, random) =>
            data.Pick(random, "Claim", c => c.Code is not null) is { } c
                ? DrawnQuery.Of("Claim", ("identifier", c.Code!)) with { ExpectedId = c.Id } : null),
        new("organization-identifier", "Organization?identifier={facility code}", LatencyTarget.Lookup, (data, random) =>
            data.Pick(random, "Organization", o => o.Code is not null) is { } o
                ? DrawnQuery.Of("Organization", ("identifier", o.Code!)) with { ExpectedId = o.Id } : null),
        new("medication-identifier", "Medication?identifier={item code}", LatencyTarget.Lookup, (data, random) =>
            data.Pick(random, "Medication", m => m.Code is not null) is { } m
                ? DrawnQuery.Of("Medication", ("identifier", m.Code!)) with { ExpectedId = m.Id } : null),
        new("activitydefinition-identifier", "ActivityDefinition?identifier={service code}", LatencyTarget.Lookup, (data, random) =>
            data.Pick(random, "ActivityDefinition", a => a.Code is not null) is { } a
                ? DrawnQuery.Of("ActivityDefinition", ("identifier", a.Code!)) with { ExpectedId = a.Id } : null),

        // Patients by name, birth date, gender.
        new("patient-name-prefix", "Patient?name={first 3 letters of a family name}", LatencyTarget.Typical, (data, random) =>
            Family(data.Pick(random, "Patient", p => Family(p) is not null)) is { } family
                ? DrawnQuery.Of("Patient", ("name", family[..Math.Min(3, family.Length)])) : null),
        new("patient-family-given", "Patient?family={family}&given={given}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Patient", p => Family(p) is not null && Given(p) is not null) is { } p
                ? DrawnQuery.Of("Patient", ("family", Family(p)!), ("given", Given(p)!)) : null),
        new("patient-name-contains", "Patient?name:contains={3 letters inside a family name}", LatencyTarget.Typical, (data, random) =>
            Family(data.Pick(random, "Patient", p => Family(p) is { Length: >= 4 })) is { } family
                ? DrawnQuery.Of("Patient", ("name:contains", family[1..4])) : null),
        new("patient-birthdate-range", "Patient?birthdate=ge{day}&birthdate=lt{day + 30}", LatencyTarget.Typical, (data, random) =>
        {
            if (data.Pick(random, "Patient", p => Day(p.StringAt("birthDate")) is not null) is not { } p) return null;
            // A 30-day window that holds the sampled Patient's birth date.
            var from = Day(p.StringAt("birthDate"))!.Value.AddDays(-random.Next(30));
            return DrawnQuery.Of("Patient", ("birthdate", "ge" + Text(from)), ("birthdate", "lt" + Text(from.AddDays(30))));
        }),
        new("patient-family-gender-not", "Patient?family={family}&gender:not={the other gender}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Patient", p => Family(p) is not null && p.StringAt("gender") is "male" or "female") is { } p
                ? DrawnQuery.Of("Patient", ("family", Family(p)!), ("gender:not", p.StringAt("gender") == "male" ? "female" : "male")) : null),
        new("patient-general-practitioner", "Patient?general-practitioner=Organization/{facility}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Patient", p => p.ReferenceAt("generalPractitioner") is not null) is { } p
                ? DrawnQuery.Of("Patient", ("general-practitioner", p.ReferenceAt("generalPractitioner")!)) : null),

        // Claims.
        new("claim-patient-created", "Claim?patient=Patient/{id}&created=ge{day - 30}&created=le{day + 30}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Claim", c => c.ReferenceAt("patient") is not null && Day(c.StringAt("created")) is not null) is { } c
                ? DrawnQuery.Of("Claim", ("patient", c.ReferenceAt("patient")!),
                    ("created", "ge" + Text(Day(c.StringAt("created"))!.Value.AddDays(-30))), ("created", "le" + Text(Day(c.StringAt("created"))!.Value.AddDays(30))))
                    with { ExpectedId = c.Id }
                : null),
        new("claim-provider-status", "Claim?provider=Organization/{facility}&status={status}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Claim", c => c.ReferenceAt("provider") is not null && c.StringAt("status") is not null) is { } c
                ? DrawnQuery.Of("Claim", ("provider", c.ReferenceAt("provider")!), ("status", c.StringAt("status")!)) : null),
        new("claim-provider-sort-created", "Claim?provider=Organization/{facility}&_sort=-created", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Claim", c => c.ReferenceAt("provider") is not null) is { } c
                ? DrawnQuery.Of("Claim", ("provider", c.ReferenceAt("provider")!), ("_sort", "-created")) : null),
        new("claim-lastupdated-range", "Claim?_lastUpdated=ge{t - 1 s}&_lastUpdated=lt{t + 1 s}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Claim", _ => true) is { } c
                ? DrawnQuery.Of("Claim", ("_lastUpdated", "ge" + Instant(c.LastUpdated.AddSeconds(-1))), ("_lastUpdated", "lt" + Instant(c.LastUpdated.AddSeconds(1)))) : null),
        new("claim-total-accurate", "Claim?_total=accurate&_count=10 (no drawn value: all claims)", LatencyTarget.CountAll, (data, _) =>
            data.Of("Claim").Count > 0 ? DrawnQuery.Of("Claim", ("_total", "accurate"), ("_count", "10")) : null),

        // Chains and reverse chains.
        new("claim-chain-patient-name", "Claim?patient.name={family name of a claimant}", LatencyTarget.Typical, (data, random) =>
            Family(data.Resolve(data.Pick(random, "Claim", c => Family(data.Resolve(c.ReferenceAt("patient"))) is not null)?.ReferenceAt("patient"))) is { } family
                ? DrawnQuery.Of("Claim", ("patient.name", family)) : null),
        new("claim-chain-patient-identifier", "Claim?patient.identifier={CHFID of a claimant}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Claim", c => data.Resolve(c.ReferenceAt("patient"))?.Code is not null) is { } c
                ? DrawnQuery.Of("Claim", ("patient.identifier", data.Resolve(c.ReferenceAt("patient"))!.Code!)) : null),
        new("claim-chain-provider-identifier", "Claim?provider.identifier={facility code}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Claim", c => data.Resolve(c.ReferenceAt("provider"))?.Code is not null) is { } c
                ? DrawnQuery.Of("Claim", ("provider.identifier", data.Resolve(c.ReferenceAt("provider"))!.Code!)) : null),
        new("patient-has-claim-status", "Patient?_has:Claim:patient:status={status of a claim}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Claim", c => c.StringAt("status") is not null) is { } c
                ? DrawnQuery.Of("Patient", ("_has:Claim:patient:status", c.StringAt("status")!)) : null),
        new("patient-has-claim-provider", "Patient?_has:Claim:patient:provider=Organization/{facility}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Claim", c => c.ReferenceAt("provider") is not null) is { } c
                ? DrawnQuery.Of("Patient", ("_has:Claim:patient:provider", c.ReferenceAt("provider")!)) : null),

        // Includes.
        new("claim-provider-include-patient", "Claim?provider=Organization/{facility}&_include=Claim:patient", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Claim", c => c.ReferenceAt("provider") is not null) is { } c
                ? DrawnQuery.Of("Claim", ("provider", c.ReferenceAt("provider")!), ("_include", "Claim:patient")) with { ExpectIncluded = true } : null),
        new("patient-revinclude-claim", "Patient?_id={claimant}&_revinclude=Claim:patient", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Claim", c => c.ReferenceAt("patient")?.StartsWith("Patient/", StringComparison.Ordinal) == true) is { } c
                ? DrawnQuery.Of("Patient", ("_id", c.ReferenceAt("patient")!["Patient/".Length..]), ("_revinclude", "Claim:patient"))
                    with { ExpectedId = c.ReferenceAt("patient")!["Patient/".Length..], ExpectIncluded = true }
                : null),
        new("claimresponse-request", "ClaimResponse?request=Claim/{claim}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "ClaimResponse", r => r.ReferenceAt("request") is not null) is { } r
                ? DrawnQuery.Of("ClaimResponse", ("request", r.ReferenceAt("request")!)) with { ExpectedId = r.Id } : null),

        // Policies.
        new("coverage-beneficiary-status", "Coverage?beneficiary=Patient/{head}&status={status}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Coverage", c => c.ReferenceAt("beneficiary") is not null && c.StringAt("status") is not null) is { } c
                ? DrawnQuery.Of("Coverage", ("beneficiary", c.ReferenceAt("beneficiary")!), ("status", c.StringAt("status")!)) : null),
        new("coverage-class-value", "Coverage?class-value={product code}&status={status}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Coverage", c => c.StringAt("class", "value") is not null && c.StringAt("status") is not null) is { } c
                ? DrawnQuery.Of("Coverage", ("class-value", c.StringAt("class", "value")!), ("status", c.StringAt("status")!)) : null),
        new("contract-subject-issued", "Contract?subject=Group/{family}&issued=ge{day - 365}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Contract", c => c.ReferenceAt("subject") is not null && Day(c.StringAt("issued")) is not null) is { } c
                ? DrawnQuery.Of("Contract", ("subject", c.ReferenceAt("subject")!), ("issued", "ge" + Text(Day(c.StringAt("issued"))!.Value.AddDays(-365)))) : null),

        // Reference data.
        new("location-partof", "Location?partof=Location/{parent}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Location", l => l.ReferenceAt("partOf") is not null) is { } l
                ? DrawnQuery.Of("Location", ("partof", l.ReferenceAt("partOf")!)) : null),
        new("organization-type", "Organization?type={system|code}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "Organization", o => TypeCoding(o) is not null) is { } o ? DrawnQuery.Of("Organization", ("type", TypeCoding(o)!)) : null),
        new("practitionerrole-organization", "PractitionerRole?organization=Organization/{facility}", LatencyTarget.Typical, (data, random) =>
            data.Pick(random, "PractitionerRole", r => r.ReferenceAt("organization") is not null) is { } r
                ? DrawnQuery.Of("PractitionerRole", ("organization", r.ReferenceAt("organization")!)) : null),
    ];

    private static string? Family(SampledResource? patient) => patient?.StringAt("name", "family");

    private static string? Given(SampledResource patient) => patient.StringAt("name", "given");

    private static string? TypeCoding(SampledResource organization) =>
        organization.Body["type"]?[0]?["coding"]?[0] is JsonObject coding && (string?)coding["system"] is { } system && (string?)coding["code"] is { } code
            ? $"{system}|{code}" : null;

    private static DateOnly? Day(string? date) =>
        date is { Length: >= 10 } && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
