using System.Text.Json.Nodes;

namespace OpenImis.Fhir.LoadDriver.Workload;

/// <summary>
/// The request bodies of the scenarios, all built from the IG examples so they are valid against the openIMIS
/// profiles, with every business code (and Group UUID) unique per request.
/// </summary>
internal sealed class OpenImisWorkload
{
    public const int BundleEntries = 100;

    private const string Ig = "https://openimis.github.io/openimis_fhir_r4_ig/";
    private const string GroupReferenceExtension = Ig + "StructureDefinition/patient-group-reference";
    private const string IsHeadExtension = Ig + "StructureDefinition/patient-is-head";
    private const int PatientsPerFamily = 3;
    private const int EntriesPerFamily = 1 + PatientsPerFamily + 1; // Group, its Patients, a Claim of the head

    private OpenImisWorkload(BodyTemplate patient, BodyTemplate transaction, IReadOnlyList<RawRow> transactionRows)
    {
        Patient = patient;
        Transaction = transaction;
        TransactionRows = transactionRows;
    }

    /// <summary>POST /Patient: Patient-john-doe without its id, with a fresh insuree code.</summary>
    public BodyTemplate Patient { get; }

    /// <summary>
    /// POST [base]: a transaction of 20 families, each a Group (household), its 3 Patients and a Claim of the head,
    /// referring to each other by <c>urn:uuid:</c> fullUrls (fresh per Bundle, as clients make them).
    /// </summary>
    public BodyTemplate Transaction { get; }

    /// <summary>The 100 resources of <see cref="Transaction"/> one by one, for the raw 100-row INSERT.</summary>
    public IReadOnlyList<RawRow> TransactionRows { get; }

    /// <summary>One rendering of each body, parsed: what the seeding looks at for references.</summary>
    public IEnumerable<JsonNode> SampleBodies(UniqueCodes codes) =>
        [JsonNode.Parse(Patient.Render(codes))!, JsonNode.Parse(Transaction.Render(codes))!];

    public static OpenImisWorkload Build(IgExamples examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var patient = BodyTemplate.Create(NewPatient(examples, new TemplateMarkers(), groupReference: null, isHead: null));

        var markers = new TemplateMarkers();
        var entries = new JsonArray();
        for (var family = 0; family < BundleEntries / EntriesPerFamily; family++)
        {
            var groupUrl = "urn:uuid:" + markers.Uuid(markers.NewKey());
            var patientUrls = new List<string>();
            var patients = new List<JsonObject>();
            for (var p = 0; p < PatientsPerFamily; p++)
            {
                var url = "urn:uuid:" + markers.Uuid(markers.NewKey());
                patientUrls.Add(url);
                patients.Add(Entry(url, NewPatient(examples, markers, groupUrl, isHead: p == 0)));
            }
            entries.Add(Entry(groupUrl, NewGroup(examples, markers, patientUrls)));
            foreach (var entry in patients) entries.Add(entry);
            entries.Add(Entry("urn:uuid:" + markers.Uuid(markers.NewKey()), NewClaim(examples, markers, patientUrls[0])));
        }
        if (entries.Count != BundleEntries) throw new InvalidOperationException($"Bundle of {entries.Count} entries, {BundleEntries} expected.");
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };

        // The same resources as rows of their own; references keep their urn:uuid, as in the Bundle.
        var rows = entries.Select(e => new RawRow((string)e!["resource"]!["resourceType"]!, BodyTemplate.Create(e["resource"]!.DeepClone()))).ToList();
        return new OpenImisWorkload(patient, BodyTemplate.Create(bundle), rows);
    }

    private static JsonObject Entry(string fullUrl, JsonObject resource) => new()
    {
        ["fullUrl"] = fullUrl,
        ["resource"] = resource,
        ["request"] = new JsonObject { ["method"] = "POST", ["url"] = (string)resource["resourceType"]! },
    };

    private static JsonObject NewPatient(IgExamples examples, TemplateMarkers markers, string? groupReference, bool? isHead)
    {
        var patient = examples.Copy("Patient", "john-doe");
        patient.Remove("id");
        SetIdentifier(patient, "Code", markers.NewCode());
        foreach (var extension in patient["extension"]!.AsArray())
        {
            var url = (string?)extension!["url"];
            if (url == GroupReferenceExtension && groupReference is not null) extension["valueReference"] = new JsonObject { ["reference"] = groupReference };
            if (url == IsHeadExtension && isHead is { } head) extension["valueBoolean"] = head;
        }
        return patient;
    }

    private static JsonObject NewGroup(IgExamples examples, TemplateMarkers markers, IReadOnlyList<string> members)
    {
        var group = examples.Copy("Group", "doe-family");
        group.Remove("id");
        SetIdentifier(group, "Code", markers.NewCode());
        SetIdentifier(group, "UUID", markers.Uuid(markers.NewKey()));
        group["quantity"] = members.Count;
        group["member"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject { ["entity"] = new JsonObject { ["reference"] = m } })]);
        return group;
    }

    private static JsonObject NewClaim(IgExamples examples, TemplateMarkers markers, string patient)
    {
        var claim = examples.Copy("Claim", "Claim001");
        claim.Remove("id");
        SetIdentifier(claim, "Code", markers.NewCode());
        claim["patient"] = new JsonObject { ["reference"] = patient };
        return claim;
    }

    /// <summary>Sets the value of the identifier whose type is the openIMIS identifier code <paramref name="typeCode"/>.</summary>
    private static void SetIdentifier(JsonObject resource, string typeCode, string value)
    {
        foreach (var identifier in resource["identifier"]!.AsArray())
        {
            if ((string?)identifier!["type"]?["coding"]?[0]?["code"] != typeCode) continue;
            identifier["value"] = value;
            return;
        }
        throw new InvalidOperationException($"The {resource["resourceType"]} example has no identifier of type {typeCode}.");
    }
}
