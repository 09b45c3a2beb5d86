namespace YiyangTasks.Domain.Tasks;

/// <summary>A progress report as the task's record shows it; superseded once a correction names it.</summary>
public sealed record ProgressReport(
    Guid ReportId, string Unit, DateOnly PeriodStart, DateOnly PeriodEnd, ProgressStatus Status, int PercentDone,
    DateTimeOffset ReportedAt, bool Superseded);

/// <summary>An admonishment or escalation: which units, why, when.</summary>
public sealed record UnitSanction(IReadOnlyList<string> Units, string Reason, DateTimeOffset At);

/// <summary>
/// A task's record (台账): every progress report, finding, admonishment and escalation, folded from its events for
/// reading. It grows with the task's life, so only reads build it; commands decide on <see cref="SupervisedTask"/>.
/// </summary>
public sealed record TaskRecord
{
    public IReadOnlyList<ProgressReport> Reports { get; init; } = [];
    public IReadOnlyList<SupervisionFinding> Findings { get; init; } = [];
    public IReadOnlyList<UnitSanction> Admonishments { get; init; } = [];
    public IReadOnlyList<UnitSanction> Escalations { get; init; } = [];

    public static TaskRecord Empty { get; } = new();

    /// <summary>The record of a task from its events, in order.</summary>
    public static TaskRecord Of(IEnumerable<object> events)
    {
        var reports = new List<ProgressReport>();
        var findings = new List<SupervisionFinding>();
        var admonishments = new List<UnitSanction>();
        var escalations = new List<UnitSanction>();
        foreach (var @event in events)
        {
            switch (@event)
            {
                case ProgressReported e:
                    var superseded = reports.FindIndex(r => r.ReportId == e.Supersedes);
                    if (superseded >= 0) reports[superseded] = reports[superseded] with { Superseded = true };
                    reports.Add(new ProgressReport(e.ReportId, e.Unit, e.PeriodStart, e.PeriodEnd, e.Status, e.PercentDone, e.ReportedAt, false));
                    break;
                case SupervisionFindingRecorded e:
                    findings.Add(new SupervisionFinding(e.Rating, e.Notes, e.RecordedAt));
                    break;
                case AdmonishmentIssued e:
                    admonishments.Add(new UnitSanction(e.Units, e.Reason, e.IssuedAt));
                    break;
                case AccountabilityEscalated e:
                    escalations.Add(new UnitSanction(e.Units, e.Reason, e.EscalatedAt));
                    break;
            }
        }
        return new TaskRecord { Reports = reports, Findings = findings, Admonishments = admonishments, Escalations = escalations };
    }
}
