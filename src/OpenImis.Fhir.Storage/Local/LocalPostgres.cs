using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OpenImis.Fhir.Storage.Local;

/// <summary>
/// A private PostgreSQL cluster in a data directory of its own, for <c>serve</c> without a connection string and for
/// the tests. PostgreSQL refuses to run as root, so when we are root every initdb/pg_ctl runs as user <c>postgres</c>
/// (runuser), and the data directory is given to that user.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string DatabaseName = "openimis_fhir";

    private readonly string _binDirectory;
    private readonly bool _stopOnDispose;

    private LocalPostgres(string dataDirectory, int port, string binDirectory, bool stopOnDispose)
    {
        DataDirectory = dataDirectory;
        Port = port;
        _binDirectory = binDirectory;
        _stopOnDispose = stopOnDispose;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = DatabaseName,
        MaxPoolSize = 100,
        NoResetOnClose = true,
    }.ConnectionString;

    /// <summary>
    /// Initialises the cluster when the directory holds none, starts it on <paramref name="port"/> (0: a free port)
    /// unless it already runs, and creates the database. <paramref name="throwaway"/> turns off fsync (tests only).
    /// </summary>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, int port = 0, bool throwaway = false, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        var bin = FindBinDirectory();
        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            GiveToPostgresUser(dataDirectory);
            log?.WriteLine($"Initialising a PostgreSQL cluster in {dataDirectory}");
            await RunAsync(bin, "initdb", ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"], cancellationToken);
        }
        var runningPort = RunningPort(dataDirectory);
        if (runningPort is { } existing)
        {
            log?.WriteLine($"PostgreSQL already runs in {dataDirectory} on port {existing}");
            port = existing;
        }
        else
        {
            if (port == 0) port = FreePort();
            var settings = $"-p {port} -k {dataDirectory} -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_connections=200";
            if (throwaway) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB";
            log?.WriteLine($"Starting PostgreSQL on 127.0.0.1:{port} (log: {Path.Combine(dataDirectory, "log")})");
            await RunAsync(bin, "pg_ctl", ["-D", dataDirectory, "-o", settings, "-l", Path.Combine(dataDirectory, "log"), "-w", "-t", "60", "start"], cancellationToken);
        }
        var cluster = new LocalPostgres(dataDirectory, port, bin, stopOnDispose: runningPort is null);
        await cluster.CreateDatabaseAsync(cancellationToken);
        return cluster;
    }

    public async Task StopAsync()
    {
        await RunAsync(_binDirectory, "pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopOnDispose) await StopAsync();
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection) { Parameters = { new() { Value = DatabaseName } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        await using var create = new NpgsqlCommand($"create database {DatabaseName}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    // postmaster.pid: line 1 the pid, line 4 the port. A stale file (crashed server) names a dead process.
    private static int? RunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static void GiveToPostgresUser(string directory)
    {
        if (!IsRoot) return;
        using var chown = Process.Start("chown", ["-R", "postgres:postgres", directory]);
        chown.WaitForExit();
        if (chown.ExitCode != 0) throw new InvalidOperationException($"chown postgres {directory} failed");
    }

    private static async Task RunAsync(string bin, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", Path.Combine(bin, tool)]) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = Path.Combine(bin, tool);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {tool}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {await error}{await output}");
        }
    }

    /// <summary><c>OPENIMIS_PG_BIN</c>, else the newest <c>/usr/lib/postgresql/N/bin</c>.</summary>
    private static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("OPENIMIS_PG_BIN") is { Length: > 0 } configured) return configured;
        const string root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var newest = Directory.EnumerateDirectories(root)
                .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Directory, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Directory is not null) return Path.Combine(newest.Directory, "bin");
        }
        throw new InvalidOperationException("PostgreSQL server binaries not found: install PostgreSQL 15 or set OPENIMIS_PG_BIN to the folder holding initdb and pg_ctl.");
    }
}
