using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Localization;

/// <summary>A task's traffic light (红黄绿灯) as the API shows it: the colour and each reason worded in the reader's language.</summary>
public sealed record LightView(Light Light, IReadOnlyList<string> Reasons)
{
    public static LightView Of(TrafficLight light) => new(light.Light, light.Reasons.Select(LightWords.Of).ToArray());
}

/// <summary>The words of the lights: 红灯 and its reasons (市民政局签收逾期（应于2026年4月9日签收）), or Red and its reasons in English.</summary>
public static class LightWords
{
    public static string Of(Light light) => Messages.Of($"light.{light.ToString().ToLowerInvariant()}");

    public static string Of(LightReason reason) => reason.Cause switch
    {
        LightCause.AtRisk => Messages.Of("light.at-risk", ("unit", reason.Unit)),
        LightCause.Blocked => Messages.Of("light.blocked", ("unit", reason.Unit)),
        _ => Messages.Of($"light.{(reason.Cause == LightCause.Overdue ? "overdue" : "due-soon")}.{Kind(reason.Kind)}",
            ("unit", reason.Unit), ("due", reason.DueOn),
            ("period", reason.PeriodStart is { } start && reason.PeriodEnd is { } end
                ? Messages.Of("light.period", ("start", start), ("end", end))
                : "")),
    };

    private static string Kind(ObligationKind? kind) => kind switch
    {
        ObligationKind.Acknowledgement => "acknowledgement",
        ObligationKind.Report => "report",
        ObligationKind.Recurrence => "recurrence",
        ObligationKind.Review => "review",
        _ => "completion",
    };
}
