using OpenImis.Fhir.LoadDriver.Measurement;

namespace OpenImis.Fhir.LoadDriver.Tests.Measurement;

/// <summary>The machine's busy CPU time, from the first line of /proc/stat.</summary>
public sealed class MachineCpuTests
{
    [Fact]
    public void Busy_time_counts_user_nice_system_irq_and_softirq_but_not_idle_iowait_or_steal()
    {
        // user 1000, nice 20, system 300, idle 5000, iowait 70, irq 5, softirq 45, steal 900, guest 0, guest_nice 0.
        var busy = MachineCpu.ParseBusy("cpu  1000 20 300 5000 70 5 45 900 0 0");

        Assert.Equal(TimeSpan.FromSeconds(13.70), busy);
    }

    [Theory]
    [InlineData("cpu0 1000 20 300 5000 70 5 45 900 0 0")]
    [InlineData("cpu  1000 20 300")]
    [InlineData("intr 12345")]
    public void A_line_that_is_not_the_machine_total_gives_nothing(string line)
    {
        Assert.Null(MachineCpu.ParseBusy(line));
    }

    [Fact]
    public void On_linux_the_busy_time_grows_with_work()
    {
        Assert.True(OperatingSystem.IsLinux(), "the load driver measures CPU time on Linux only; the tests run there");
        var before = MachineCpu.Busy();
        var spin = System.Diagnostics.Stopwatch.StartNew();
        var x = 0L;
        while (spin.ElapsedMilliseconds < 300) x++;
        var after = MachineCpu.Busy();

        Assert.True(x > 0);
        Assert.NotNull(before);
        // 300 ms of spinning on one core: at least 0.2 s more, allowing for the 10 ms ticks.
        Assert.True(after!.Value - before!.Value >= TimeSpan.FromSeconds(0.2), $"busy {before} -> {after}");
    }
}
