namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>
/// The openIMIS-shaped data the search tests run on, with deliberate edge cases: accents and case in names, partial
/// birth dates, dateTimes in several zones around midnight UTC, open-ended periods, decimals of several precisions,
/// identifiers with and without system and type, missing elements, references by identifier and absolute URL,
/// and reference loops (organizations part of each other, patients linked to each other).
/// </summary>
public static class SearchDataSet
{
    public const string OpenImisIdentifiers = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers";
    public const string V2IdentifierTypes = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string OrganizationTypes = "http://terminology.hl7.org/CodeSystem/organization-type";
    public const string HfLevels = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/organization-hf-level";
    public const string InsureeSystem = "https://openimis.org/insuree";
    public const string FacilitySystem = "urn:openimis:hf";
    public const string NationalIdSystem = "urn:openimis:nid";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string TagSystem = "https://openimis.org/fhir/tags";
    public const string ProfileA = "http://hl7.org/fhir/StructureDefinition/Patient";
    public const string SourceRegistry = "http://openimis.example.org/source/registry";

    private static readonly TestCoding CodeType = new(OpenImisIdentifiers, "Code");
    private static readonly TestCoding UuidType = new(OpenImisIdentifiers, "UUID");
    private static readonly TestCoding NationalIdType = new(V2IdentifierTypes, "NI", "National unique individual identifier");

    public static IReadOnlyList<TestOrganization> Organizations { get; } =
    [
        new("org-hq", "openIMIS Implementation", Active: true, TypeCodings: [new(OrganizationTypes, "ins", "Insurance Company")],
            Identifiers: [new(null, "IMIS", CodeType)], City: "Jamula"),
        new("org-hosp-1", new Text("Hôpital Régional de Jamula", "hopital regional de jamula"), Active: true,
            TypeCodings: [new(OrganizationTypes, "prov", "Healthcare Provider"), new(HfLevels, "H", "Hospital")], TypeText: new Text("Hôpital régional", "hopital regional"),
            Identifiers: [new(FacilitySystem, "HF-001", CodeType)], PartOf: "org-hq", City: "Jamula"),
        new("org-district", "Jimara District Health Office", Active: true, TypeCodings: [new(OrganizationTypes, "govt", "Government")],
            Identifiers: [new(FacilitySystem, "DHO-1")], City: "Jimara"),
        new("org-hosp-2", "RAPTA District Hospital", Active: false, TypeCodings: [new(OrganizationTypes, "prov", "Healthcare Provider"), new(HfLevels, "H", "Hospital")],
            Identifiers: [new(FacilitySystem, "HF-002", CodeType)], PartOf: "org-district", City: "Rapta"),
        new("org-clinic", "rapta clinic", TypeText: "Clinique", Identifiers: [new(null, "HF-003")], PartOf: "org-hosp-2", City: "Rapta"),
        new("org-dispensaire", new Text("Dispensaire Saint-Émile", "dispensaire saint-emile"), Active: true,
            TypeCodings: [new(OrganizationTypes, "prov"), new(HfLevels, "D", "Dispensary")], Identifiers: [new(FacilitySystem, "HF-004", CodeType)], PartOf: "org-clinic",
            City: new Text("Saint-Émile", "saint-emile")),
        new("org-loop-a", new Text("Ñandú Health Post", "nandu health post"), Active: true, TypeCodings: [new(HfLevels, "C", "Health Centre")], PartOf: "org-loop-b"),
        new("org-loop-b", new Text("Öffentliche Gesundheitsstation", "offentliche gesundheitsstation"), Active: true, TypeCodings: [new(OrganizationTypes, "govt")], PartOf: "org-loop-a"),
        new("org-ph", "MyTrade Policy Holder", Active: true, TypeCodings: [new(OrganizationTypes, "bus", "Non-Healthcare Business or Corporation")],
            Identifiers: [new("urn:openimis:ph", "PH-77", CodeType)]),
        new("org-empty", "Zeta Empty"),
        new("org-noname", null, TypeCodings: [new(OrganizationTypes, "other")], Identifiers: [new(FacilitySystem, "HF-099")]),
        new("org-nhif", "National Health Insurance Fund", Active: true, TypeCodings: [new(OrganizationTypes, "ins", "Insurance Company")],
            Identifiers: [new("http://example.org/fhir/sid/nhif", "NHIF")]),
    ];

    public static IReadOnlyList<TestPatient> Patients { get; } =
    [
        new("p01", new Text("Ñúñez", "nunez"), [new Text("José", "jose")], "male", "1980", Active: true,
            Identifiers: [new(null, "100001", CodeType)], Phone: "+255700000001", Organization: "org-hosp-1", City: "Jamula",
            Meta: new([new(TagSystem, "vip")], [], [], null)),
        new("p02", "Nunez", ["Maria"], "female", "1980-05", Active: true, Identifiers: [new(InsureeSystem, "100002", CodeType)],
            Email: "maria@example.org", Organization: "org-hosp-1", GeneralPractitioners: ["Organization/org-clinic"], City: "Jamula"),
        new("p03", new Text("NÚÑEZ-GARCÍA", "nunez-garcia"), ["Ana"], "female", "1980-05-17", Active: false,
            Identifiers: [new("urn:ietf:rfc:3986", "urn:uuid:0d9f3a52-7f0e-4a8b-9a43-6f1f0e3c5b21", UuidType), new(null, "100003", CodeType)],
            Organization: "org-hosp-2", City: "Rapta"),
        new("p04", "Doe", ["John"], "male", "1962-02-05", Active: true, Identifiers: [new(InsureeSystem, "100004", CodeType)],
            Organization: "org-hosp-1", City: "Jamula", Meta: new([new(TagSystem, "vip"), new(TagSystem, "head")], [], [], null)),
        new("p05", "doe", ["Jane"], "female", "1965-11-30", Identifiers: [new(InsureeSystem, "100005", CodeType)], Link: "p06", City: "Jamula"),
        new("p06", new Text("Dœ", "doe"), [new Text("Élodie", "elodie")], "female", "1990-12-31", Identifiers: [new(InsureeSystem, "100006")], Link: "p05"),
        new("p07", "Smith", [new Text("Zoë", "zoe")], "other", null),
        new("p08", new Text("Müller", "muller"), [new Text("Jürgen", "jurgen")], "male", "1975-06", Active: true,
            GeneralPractitioners: ["Organization/org-hosp-1", "Organization/org-hosp-2"], Organization: "org-hosp-2", City: "Rapta"),
        new("p09", "Mueller", ["Hans"], "male", "2001-01-01", Active: false, Identifiers: [new(InsureeSystem, "100009", CodeType)]),
        new("p10", "O'Brien", [new Text("Seán", "sean")], "unknown", "1999", Identifiers: [new(null, "100010")]),
        new("p11", "Kamau", ["Wanjiru"], "female", "1980-12-31", Identifiers: [new(NationalIdSystem, "NID-1", NationalIdType)], Organization: "org-dispensaire"),
        new("p12", "Kamau", ["Otieno"], "male", "1981-01-01", Identifiers: [new(NationalIdSystem, "NID-2", NationalIdType), new(InsureeSystem, "NID-1")],
            Organization: "org-dispensaire"),
        new("p13", "Banda", ["Chikondi"], null, "1980-06-15", Email: "chikondi@example.org", Organization: "org-loop-a"),
        new("p14", "Phiri", ["Thoko"], "female", "2010-03", Organization: "org-clinic", Phone: "+265888000014"),
        new("p15", new Text("Wałęsa", "walesa"), [new Text("Łukasz", "lukasz")], "male", "1985-09-09",
            Meta: new([], [], [ProfileA], SourceRegistry + "#a1")),
        new("p16", "Mwale", ["Grace"], "female", "1970-01-01", Active: true,
            Meta: new([], [new("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted")], [], SourceRegistry + "#b2")),
        new("p17", "Tembo", ["Peter", "Paul"], "male", "1955", Meta: new([new(TagSystem, "head")], [], [], "http://other.example.org/import")),
        new("p18", "Zulu", ["Thandi"], "female", "1980-05-31"),
        new("p19", "Under_Score%", ["Test"], "male", "1980-05-01"),
        new("p20", "UnderXScoreY", ["Other"], "female", "1980-04-30"),
        new("p21", new Text("Rivers, Jr", "rivers, jr"), ["Dan"], "male", "1948-07-04", Organization: "org-empty", DeceasedDateTime: "2020-05-01T08:00:00+02:00"),
    ];

    public static IReadOnlyList<TestCoverage> Coverages { get; } =
    [
        new("cov-1", "active", "p01", ["Organization/org-hq"], "RX01", PolicyHolder: "Patient/p01", Identifier: new(null, "8b1c0f4e-1111-4000-8000-000000000001", UuidType)),
        new("cov-2", "active", "p02", ["Organization/org-hq"], "RX01", PolicyHolder: "Organization/org-ph", Identifier: new(null, "8b1c0f4e-1111-4000-8000-000000000002", UuidType)),
        new("cov-3", "cancelled", "p04", ["Organization/org-nhif"], "RX02"),
        new("cov-4", "draft", "p05", ["Patient/p05"], new Text("RX02-Spécial", "rx02-special")),
        new("cov-5", "active", "p08", ["Organization/org-nhif", "Organization/org-hq"], "RX02"),
        new("cov-6", "entered-in-error", "p06", ["Organization/org-hq"], "RX01"),
    ];

    public static IReadOnlyList<TestClaim> Claims { get; } =
    [
        new("c01", "active", "2021-03-01T23:30:00+05:00", "Patient/p01", "org-hosp-1", "cov-1", Identifiers: [new(null, "CLM-001", CodeType)]),
        new("c02", "active", "2021-03-01T22:00:00-05:00", "Patient/p02", "org-hosp-1", "cov-2", Identifiers: [new("https://openimis.org/claim", "CLM-002", CodeType)]),
        new("c03", "cancelled", "2021-03-02T00:30:00Z", "Patient/p03", "org-hosp-2", "cov-1", Priority: "stat"),
        new("c04", "draft", "2021-03-01", "Patient/p04", "org-clinic", "cov-3"),
        new("c05", "active", "2021-03", "Patient/p01", "org-dispensaire", "cov-1", Use: "preauthorization"),
        new("c06", "entered-in-error", "2021-03-01T12:00:00Z", "Patient/p05", "org-hosp-2", "cov-4"),
        new("c07", "active", "2021-02-28T23:59:59.999Z", new TestReference(null, new(InsureeSystem, "100002")), "org-hosp-1", "cov-2"),
        new("c08", "active", "2021-03-02T04:59:00+05:00", "http://other.example.org/fhir/Patient/999", "org-loop-a", "cov-1"),
        new("c09", "active", "2020", "Patient/p06", "org-hosp-1", "cov-6", Use: "preauthorization"),
        new("c10", "draft", "2022-01-15T10:00:00+01:00", "Patient/p08", "org-clinic", "cov-5", Priority: "deferred"),
    ];

    public static IReadOnlyList<TestInvoice> Invoices { get; } =
    [
        new("inv-1", "issued", "2021-03-01T23:30:00+05:00", new("100", Currency: "EUR"), new("120.00", Currency: "EUR"), "p01"),
        new("inv-2", "issued", "2021-03-02", new("100.0", Currency: "EUR"), new("100.4", Currency: "EUR"), "p02"),
        new("inv-3", "balanced", "2021-03-01T00:00:00Z", new("99.5", Currency: "EUR"), new("1500.25", Currency: "USD"), "p01"),
        new("inv-4", "draft", "2021-02-28T23:00:00-01:00", new("100.5", Currency: "EUR"), null, "p04"),
        new("inv-5", "cancelled", "2021", new("1500", Currency: "USD"), new("1650", Currency: "USD")),
        new("inv-6", "draft", null, null, null),
    ];

    public static IReadOnlyList<TestChargeItem> ChargeItems { get; } =
    [
        new("ci-1", "p01", OccurrenceDateTime: "2021-03-01T10:00:00Z", Factor: new("0.8"), Quantity: new("2", Ucum, "mg", "milligram")),
        new("ci-2", "p01", IsPeriod: true, PeriodStart: "2021-03-01", PeriodEnd: "2021-03-31", Factor: new("1"), Quantity: new("2.0", Unit: "tablets")),
        new("ci-3", "p02", IsPeriod: true, PeriodStart: "2021-03-15", Factor: new("1.0"), Quantity: new("2.5", Ucum, "mg", "mg")),
        new("ci-4", "p02", IsPeriod: true, PeriodEnd: "2021-02-15", Factor: new("1.25"), Quantity: new("10", Ucum, "g", "gram")),
        new("ci-5", "p03", IsPeriod: true, PeriodStart: "2021-02-20T08:00:00+02:00", PeriodEnd: "2021-03-01T01:00:00+02:00", Factor: new("100"), Quantity: new("0.5", Ucum, "g")),
        new("ci-6", "p04", IsPeriod: true, PeriodStart: "2020", PeriodEnd: "2022", Factor: new("99.5"), Quantity: new("500", Ucum, "mg", "milligram")),
        new("ci-7", "p05", OccurrenceDateTime: "2021-03", Factor: new("100.4"), Quantity: new("3", Unit: "mg")),
        new("ci-8", "p06"),
        new("ci-9", "p08", OccurrenceDateTime: "2021-03-31T23:30:00-02:00", Factor: new("100.2"), Quantity: new("1.50", Ucum, "mg", "milligram")),
        new("ci-10", "p09", TimingEvents: ["2021-03-03T09:00:00Z", "2021-03-01T09:00:00+03:00"]),
    ];

    /// <summary>Every resource, in an order where each reference points at one written before (not required in a transaction, but readable).</summary>
    public static IEnumerable<ITestResource> All =>
        Organizations.Cast<ITestResource>().Concat(Patients).Concat(Coverages).Concat(Claims).Concat(Invoices).Concat(ChargeItems);
}
