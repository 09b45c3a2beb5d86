using Npgsql;

namespace YiyangTasks.Api.Storage;

/// <summary>
/// How many PostgreSQL connections one API process may hold. Marten, Wolverine's message store and durability
/// agent (its leader lock, polling, scheduled jobs), Weasel's migration lock and the health check all draw
/// from the one NpgsqlDataSource the host registers, so its Maximum Pool Size bounds the whole process.
/// A PostgreSQL with default settings (max_connections = 100, 3 of them reserved for superusers) then holds two
/// API processes with room for an operator, migrations and the tests (README, "Connections").
/// </summary>
public static class ConnectionBudget
{
    /// <summary>Connections per process unless the connection string sets Maximum Pool Size.</summary>
    public const int MaxPoolSize = 20;

    /// <summary>
    /// Seconds a command waits to open a connection: for a free pool slot while all are busy, or for a server that
    /// does not answer (Npgsql's default). Writers wait for a slot rather than fail: a burst of writes, or the first
    /// writes of a process while it compiles its generated code, can keep every slot busy for seconds. A stopped
    /// server refuses at once, so an outage still answers 503 quickly.
    /// </summary>
    public const int Timeout = 15;

    /// <summary>The name the process's sessions carry in pg_stat_activity.</summary>
    public const string ApplicationName = "yiyangtasks";

    /// <summary>The connection string with our bounds wherever it leaves Npgsql's defaults.</summary>
    public static NpgsqlConnectionStringBuilder Apply(string connectionString)
    {
        var defaults = new NpgsqlConnectionStringBuilder();
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxPoolSize == defaults.MaxPoolSize) settings.MaxPoolSize = MaxPoolSize;
        if (settings.Timeout == defaults.Timeout) settings.Timeout = Timeout;
        if (string.IsNullOrEmpty(settings.ApplicationName)) settings.ApplicationName = ApplicationName;
        // Our sessions set no connection state, so a pooled connection need not be reset (DISCARD ALL) on each checkout.
        settings.NoResetOnClose = true;
        if (!Names(connectionString, "Max Auto Prepare")) settings.MaxAutoPrepare = AutoPrepared;
        return settings;
    }

    /// <summary>
    /// Statements each connection keeps prepared once they recur (Npgsql's automatic preparation), unless the connection string
    /// says otherwise (<c>Max Auto Prepare=0</c> turns it off, as a pooler in transaction mode needs). PostgreSQL then parses and
    /// plans a recurring statement once per connection instead of on every execution: the plan overview's queries over jsonb
    /// columns with several indexes cost about as much to plan as to run (README, Connections, "Prepared statements").
    /// </summary>
    public const int AutoPrepared = 100;

    private static bool Names(string connectionString, string keyword)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", ""), keyword.Replace(" ", ""), StringComparison.OrdinalIgnoreCase));
    }
}
