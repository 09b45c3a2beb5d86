using JasperFx.CommandLine;

namespace YiyangTasks.Api.Identity;

/// <summary>The arguments of <see cref="TokenCommand"/>.</summary>
public sealed class TokenInput : NetCoreInput
{
    [Description("liaison (联络员), office (联席会议办公室), supervision (督查组) or admin")]
    public string RoleFlag { get; set; } = "";

    [Description("The unit a liaison acts for, e.g. 市民政局")]
    public string? UnitFlag { get; set; }

    [Description("The person's display name, e.g. 张三 (default: the role)")]
    public string? NameFlag { get; set; }

    [Description("Days until the token expires (default 7, at most 366)")]
    public double DaysFlag { get; set; } = 7;
}

/// <summary>
/// `dotnet run --project src/YiyangTasks.Api -- token --role liaison --unit 市民政局 --name 张三 [--days 7]`:
/// prints a bearer token signed with the configured Auth:SigningKey (development and tests).
/// </summary>
[Description("Prints a bearer token signed with the configured Auth:SigningKey (development and tests)", Name = "token")]
public sealed class TokenCommand : JasperFxAsyncCommand<TokenInput>
{
    public override Task<bool> Execute(TokenInput input)
    {
        var configuration = input.BuildHost().Services.GetRequiredService<IConfiguration>();
        return Task.FromResult(Run(input, configuration, Console.Out, Console.Error) == 0);
    }

    /// <summary>Writes the token to <paramref name="output"/> (0), or why not to <paramref name="error"/> (2).</summary>
    public static int Run(TokenInput input, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        if (!Roles.All.Contains(input.RoleFlag))
            return Fail(error, $"--role must be one of: {string.Join(", ", Roles.All)}.");
        if (input.RoleFlag == Roles.Liaison && string.IsNullOrWhiteSpace(input.UnitFlag))
            return Fail(error, "A liaison token needs --unit (the unit the liaison acts for, e.g. 市民政局).");
        if (input.DaysFlag is <= 0 or > 366 || double.IsNaN(input.DaysFlag))
            return Fail(error, "--days must be a number of days between 0 and 366.");

        var settings = AuthSettings.From(configuration);
        if (settings.SigningKey is null)
            return Fail(error, "No Auth:SigningKey is configured (run in Development, or set Auth__SigningKey).");
        var token = new TokenIssuer(settings, TimeProvider.System)
            .Mint(input.RoleFlag, input.UnitFlag, input.NameFlag ?? input.RoleFlag, TimeSpan.FromDays(input.DaysFlag));
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
