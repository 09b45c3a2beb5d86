namespace YiyangTasks.Api.Identity;

/// <summary>
/// `dotnet run --project src/YiyangTasks.Api -- token --role liaison --unit 市民政局 --name 张三 [--days 7]`:
/// prints a bearer token signed with the configured Auth:SigningKey (development and tests).
/// </summary>
public static class TokenCommand
{
    public const string Name = "token";

    public static int Run(IReadOnlyList<string> args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        var options = CommandLineOptions.Parse(args);
        var role = options.Get("role");
        var unit = options.Get("unit");
        var name = options.Get("name") ?? role;
        if (role is null || !Roles.All.Contains(role))
            return Fail(error, $"--role must be one of: {string.Join(", ", Roles.All)}.");
        if (role == Roles.Liaison && string.IsNullOrWhiteSpace(unit))
            return Fail(error, "A liaison token needs --unit (the unit the liaison acts for, e.g. 市民政局).");
        var days = 7.0;
        if (options.Get("days") is { } d && (!double.TryParse(d, out days) || days is <= 0 or > 366))
            return Fail(error, "--days must be a number of days between 0 and 366.");

        var settings = AuthSettings.From(configuration);
        if (settings.SigningKey is null)
            return Fail(error, "No Auth:SigningKey is configured (run in Development, or set Auth__SigningKey).");
        var token = new TokenIssuer(settings, TimeProvider.System).Mint(role, unit, name!, TimeSpan.FromDays(days));
        output.WriteLine(token);
        return 0;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"token: {message}");
        error.WriteLine("usage: token --role liaison|office|supervision|admin [--unit 市民政局] [--name 张三] [--days 7]");
        return 2;
    }
}

/// <summary>Reads `--name value` pairs and bare arguments of a host command.</summary>
public sealed class CommandLineOptions
{
    private readonly Dictionary<string, string?> _named = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CommandLineOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var key = args[i][2..];
                var value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
                options._named[key] = value;
            }
            else options.Positional.Add(args[i]);
        }
        return options;
    }

    public string? Get(string name) => _named.GetValueOrDefault(name);

    public bool Has(string name) => _named.ContainsKey(name);
}
