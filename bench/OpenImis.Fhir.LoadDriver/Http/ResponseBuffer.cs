using System.Text;

namespace OpenImis.Fhir.LoadDriver.Http;

/// <summary>One worker's buffer for response bodies, reused for every request: reading a response allocates nothing.</summary>
internal sealed class ResponseBuffer
{
    private byte[] _bytes = new byte[64 * 1024];

    public ReadOnlySpan<byte> Span(int length) => _bytes.AsSpan(0, length);

    public async ValueTask<int> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var length = 0;
        while (true)
        {
            if (length == _bytes.Length) Array.Resize(ref _bytes, _bytes.Length * 2);
            var read = await stream.ReadAsync(_bytes.AsMemory(length), cancellationToken);
            if (read == 0) return length;
            length += read;
        }
    }

    public string Text(int length, int max) =>
        Encoding.UTF8.GetString(_bytes, 0, Math.Min(length, max)).ReplaceLineEndings(" ") + (length > max ? " ..." : "");
}
