using System.Text.Json;

namespace OpenImis.Fhir.LoadDriver.Http;

/// <summary>Ids of the Patients the create scenario made, for the read scenario. Workers add theirs when they end.</summary>
internal sealed class CreatedIds
{
    /// <summary>Enough to read from a spread of pages, few enough to hold.</summary>
    public const int Cap = 200_000;

    private readonly List<string> _ids = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get { lock (_lock) return _ids.Count; }
    }

    public void AddRange(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_lock) _ids.AddRange(ids.Take(Cap - _ids.Count));
    }

    public string[] ToArray()
    {
        lock (_lock) return [.. _ids];
    }

    /// <summary>The id of a created resource: from Location (<c>.../Type/id/_history/n</c>), else the body's <c>id</c>.</summary>
    public static string? FromResponse(HttpResponseMessage response, string type, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.Location is { } location)
        {
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
            var at = path.LastIndexOf(type + "/", StringComparison.Ordinal);
            if (at >= 0)
            {
                var id = path[(at + type.Length + 1)..];
                var slash = id.IndexOf('/', StringComparison.Ordinal);
                return slash < 0 ? id : id[..slash];
            }
        }
        if (body.IsEmpty) return null;
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String) return reader.GetString();
            reader.Skip();
        }
        return null;
    }
}
