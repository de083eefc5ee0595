using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OpenImis.Fhir.Benchmarks.FhirPath;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Benchmarks.Storage;

/// <summary>
/// The read path's last step, <see cref="StoredJson.Normalize"/>: the jsonb text PostgreSQL gives for the openIMIS
/// Patient example (ig-profiles/Patient-john-doe.json) made compact with resourceType first. ParseAndWrite is the
/// implementation it replaced (JsonDocument, Utf8JsonWriter, UTF-8 to UTF-16), OnePass the char copy.
/// </summary>
[MemoryDiagnoser]
public class StoredJsonBenchmarks
{
    private string _jsonb = null!;

    [GlobalSetup]
    public void Setup()
    {
        var file = Path.Combine(FhirPathWorkload.FindRepositoryRoot(AppContext.BaseDirectory), "ig-profiles", "Patient-john-doe.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        _jsonb = JsonbText(document.RootElement);
        var old = ParseAndWrite();
        var now = OnePass();
        // Same text for this input (ASCII and no control chars: both write the escapes alike); a bench of two different answers is worthless.
        if (old != now) throw new InvalidOperationException($"The implementations disagree:\n{old}\n{now}");
        Console.WriteLine($"// jsonb text: {_jsonb.Length} chars, normalized: {now.Length} chars");
    }

    [Benchmark(Baseline = true)]
    public string ParseAndWrite()
    {
        using var document = JsonDocument.Parse(_jsonb);
        var root = document.RootElement;
        var buffer = new ArrayBufferWriter<byte>(_jsonb.Length);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (root.TryGetProperty("resourceType", out var type)) writer.WriteString("resourceType", type.GetString());
            foreach (var property in root.EnumerateObject())
            {
                if (!property.NameEquals("resourceType")) property.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Benchmark]
    public string OnePass() => StoredJson.Normalize(_jsonb);

    /// <summary>
    /// What <c>body::text</c> gives (checked against PostgreSQL 15): keys of each object by UTF-8 length then bytes,
    /// a space after every ':' and ',', strings escaped as escape_json does. Number text is kept (enough here).
    /// </summary>
    private static string JsonbText(JsonElement element)
    {
        var text = new StringBuilder();
        Write(element, text);
        return text.ToString();

        static void Write(JsonElement element, StringBuilder text)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var members = element.EnumerateObject()
                        .Select(m => (Key: Encoding.UTF8.GetBytes(m.Name), Member: m))
                        .OrderBy(m => m.Key.Length).ThenBy(m => m.Key, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)));
                    text.Append('{');
                    var first = true;
                    foreach (var (_, member) in members)
                    {
                        if (!first) text.Append(", ");
                        first = false;
                        WriteString(member.Name, text);
                        text.Append(": ");
                        Write(member.Value, text);
                    }
                    text.Append('}');
                    break;
                case JsonValueKind.Array:
                    text.Append('[');
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (index++ > 0) text.Append(", ");
                        Write(item, text);
                    }
                    text.Append(']');
                    break;
                case JsonValueKind.String:
                    WriteString(element.GetString()!, text);
                    break;
                default:
                    text.Append(element.GetRawText());
                    break;
            }
        }

        static void WriteString(string value, StringBuilder text)
        {
            text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\b': text.Append("\\b"); break;
                    case '\f': text.Append("\\f"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    case < ' ': text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                    default: text.Append(c); break;
                }
            }
            text.Append('"');
        }
    }
}
