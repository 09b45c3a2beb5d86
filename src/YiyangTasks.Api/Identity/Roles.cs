namespace YiyangTasks.Api.Identity;

/// <summary>The roles people act in, and the authorization policies named after what each may do.</summary>
public static class Roles
{
    /// <summary>联络员: a member unit's liaison, bound to one unit.</summary>
    public const string Liaison = "liaison";

    /// <summary>联席会议办公室: the joint-conference office.</summary>
    public const string Office = "office";

    /// <summary>督查组: the supervision group.</summary>
    public const string Supervision = "supervision";

    /// <summary>Keeps units, aliases, liaisons and digest webhooks.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Liaison, Office, Supervision, Admin];
}

/// <summary>Authorization policies: each endpoint names the one it needs.</summary>
public static class Policies
{
    public const string Read = "read";
    public const string LiaisonWork = "liaison-work";
    public const string OfficeWork = "office-work";
    public const string SupervisionWork = "supervision-work";
    public const string AdminWork = "admin-work";
    public const string OfficeOrSupervision = "office-or-supervision";
}
