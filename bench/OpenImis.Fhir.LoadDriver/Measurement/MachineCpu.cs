using System.Globalization;

namespace OpenImis.Fhir.LoadDriver.Measurement;

/// <summary>
/// The CPU time all processes of the machine have used, from the first line of <c>/proc/stat</c> (Linux only): with
/// the driver's own subtracted, what the server and PostgreSQL spent, on a machine that runs nothing else.
/// </summary>
internal static class MachineCpu
{
    // /proc/stat counts in USER_HZ, 100 per second on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>The machine's busy CPU time so far, or null where <c>/proc/stat</c> cannot be read.</summary>
    public static TimeSpan? Busy()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            return reader.ReadLine() is { } line ? ParseBusy(line) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Busy time of a <c>cpu</c> line: user, nice, system, irq and softirq. Idle and I/O wait are not work; steal is
    /// time the hypervisor gave to other machines; guest time is already inside user.
    /// </summary>
    public static TimeSpan? ParseBusy(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 8 || fields[0] != "cpu") return null;
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        var ticks = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
