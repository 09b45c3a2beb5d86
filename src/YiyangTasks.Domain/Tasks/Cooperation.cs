namespace YiyangTasks.Domain.Tasks;

/// <summary>A cooperating unit's acknowledgement of its part: what it owes (配合事项), who acknowledged it and when.</summary>
public sealed record PartAcknowledgement(string Duty, Actor By, DateTimeOffset At);

/// <summary>What a cooperating unit contributed for one reporting period: when it first reported it, and its latest report.</summary>
public sealed record Contribution(
    DateOnly PeriodStart, DateOnly PeriodEnd, DateTimeOffset FirstReportedAt, Guid ReportId, string Narrative, Actor ReportedBy,
    DateTimeOffset ReportedAt, int Reports);

/// <summary>
/// One cooperating unit's part of a task (配合单位的配合事项): what it owes, its acknowledgement, its contributions
/// (one per reporting period, the latest report kept) and its own lapses, as counts and a watermark rather than a list.
/// </summary>
public sealed record CooperatingPart
{
    public string Unit { get; init; } = "";

    /// <summary>What the plan names the unit to do (配合事项); empty when the plan does not name it.</summary>
    public string PlannedDuty { get; init; } = "";

    /// <summary>When the unit was put on the task (assignment, or the revision that added it): its obligations run from then.</summary>
    public DateTimeOffset Since { get; init; }

    public PartAcknowledgement? Acknowledgement { get; init; }

    /// <summary>One entry per reported period, in the order first reported.</summary>
    public IReadOnlyList<Contribution> Contributions { get; init; } = [];

    /// <summary>The due day of its acknowledgement, once its lapse is recorded.</summary>
    public DateOnly? AcknowledgementOverdueOn { get; init; }

    public int ReportsMissed { get; init; }

    /// <summary>The end of the latest period whose missed report is recorded: lapses are recorded in due order, so no earlier one is pending.</summary>
    public DateOnly? ReportsMissedThrough { get; init; }

    public bool IsAcknowledged => Acknowledgement is not null;

    /// <summary>What the unit owes: as it acknowledged it, else as the plan names it.</summary>
    public string Duty => Acknowledgement?.Duty ?? PlannedDuty;

    public Contribution? LastContribution => Contributions.MaxBy(c => c.ReportedAt);

    /// <summary>Not yet contributed (尚未报送配合情况): no report on its part at all.</summary>
    public bool NotYetContributed => Contributions.Count == 0;

    /// <summary>When the unit first reported for a period overlapping the one given, or null.</summary>
    public DateTimeOffset? FirstReportedFor(DateOnly start, DateOnly end)
    {
        // A loop: this runs for every period of every cooperating unit of every task judged.
        DateTimeOffset? first = null;
        for (var i = 0; i < Contributions.Count; i++)
        {
            var c = Contributions[i];
            if (c.PeriodStart <= end && c.PeriodEnd >= start && !(first <= c.FirstReportedAt)) first = c.FirstReportedAt;
        }
        return first;
    }
}

/// <summary>
/// The cooperating units' parts of a task (配合单位), held by <see cref="SupervisedTask.Cooperation"/>: who has
/// acknowledged, who has contributed, and their own lapses. Bounded: one part per cooperating unit, one contribution
/// per unit and period.
/// </summary>
public sealed record Cooperation
{
    public IReadOnlyList<CooperatingPart> Parts { get; init; } = [];

    /// <summary>Cooperating units that have not acknowledged their part.</summary>
    public IReadOnlyList<string> NotYetAcknowledged => Parts.Where(p => !p.IsAcknowledged).Select(p => p.Unit).ToArray();

    /// <summary>Cooperating units that have reported nothing on their part: what the lead unit asks after.</summary>
    public IReadOnlyList<string> NotYetContributed => Parts.Where(p => p.NotYetContributed).Select(p => p.Unit).ToArray();

    /// <summary>The unit's part; a blank one from <paramref name="assignedAt"/> for a task stored before parts were kept.</summary>
    public CooperatingPart PartOf(string unit, DateTimeOffset assignedAt) =>
        Parts.FirstOrDefault(p => p.Unit == unit) ?? new CooperatingPart { Unit = unit, Since = assignedAt };

    public static Cooperation Assigned(TaskAssigned e) => new()
    {
        Parts = e.CooperatingUnits.Select(unit => new CooperatingPart
        {
            Unit = unit,
            PlannedDuty = e.CooperationDuties?.FirstOrDefault(d => d.Unit == unit)?.Duty ?? "",
            Since = e.AssignedAt,
        }).ToArray(),
    };

    /// <summary>A revision keeps the parts of units still cooperating; a unit newly cooperating owes from the revision on.</summary>
    public Cooperation When(TaskRevised e) => this with
    {
        Parts = e.CooperatingUnits.Select(unit => Parts.FirstOrDefault(p => p.Unit == unit) ?? new CooperatingPart { Unit = unit, Since = e.RevisedAt })
            .ToArray(),
    };

    public Cooperation When(CooperationAcknowledged e, DateTimeOffset assignedAt) =>
        Changing(e.Unit, assignedAt, p => p with { Acknowledgement = new PartAcknowledgement(e.Duty, e.AcknowledgedBy, e.AcknowledgedAt) });

    public Cooperation When(CooperationReported e, DateTimeOffset assignedAt) => Changing(e.Unit, assignedAt, p =>
    {
        var same = p.Contributions.FirstOrDefault(c => c.PeriodStart == e.PeriodStart && c.PeriodEnd == e.PeriodEnd);
        var latest = new Contribution(e.PeriodStart, e.PeriodEnd, same?.FirstReportedAt ?? e.ReportedAt, e.ReportId, e.Narrative,
            e.ReportedBy, e.ReportedAt, (same?.Reports ?? 0) + 1);
        return p with
        {
            Contributions = same is null ? [.. p.Contributions, latest] : p.Contributions.Select(c => c == same ? latest : c).ToArray(),
        };
    });

    public Cooperation When(CooperationAcknowledgementOverdue e, DateTimeOffset assignedAt) =>
        Changing(e.Unit, assignedAt, p => p with { AcknowledgementOverdueOn = e.DueOn });

    public Cooperation When(CooperationReportMissed e, DateTimeOffset assignedAt) => Changing(e.Unit, assignedAt, p => p with
    {
        ReportsMissed = p.ReportsMissed + 1,
        ReportsMissedThrough = p.ReportsMissedThrough is { } through && through > e.PeriodEnd ? through : e.PeriodEnd,
    });

    private Cooperation Changing(string unit, DateTimeOffset assignedAt, Func<CooperatingPart, CooperatingPart> change)
    {
        var part = change(PartOf(unit, assignedAt));
        return this with
        {
            Parts = Parts.Any(p => p.Unit == unit) ? Parts.Select(p => p.Unit == unit ? part : p).ToArray() : [.. Parts, part],
        };
    }
}
