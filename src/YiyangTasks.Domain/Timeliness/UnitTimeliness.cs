using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>
/// A unit's timeliness over a set of tasks (单位履职及时性): its acknowledgements, reports and completions as lead unit,
/// the supervision ratings of the tasks it leads, and the admonishments naming it; its work as a cooperating unit apart,
/// in <see cref="Cooperated"/> (a cooperating unit's lapses are its own and never count in a lead's figures).
/// </summary>
/// <param name="AcknowledgementsOutstanding">Lead-unit acknowledgements not made yet, whether past due or not.</param>
/// <param name="AverageAcknowledgementWorkingDays">Working days from assignment to acknowledgement (China dates), over those made.</param>
/// <param name="ReportsMissed">Reports past due and never made for their period.</param>
/// <param name="TasksOverdueNow">Tasks it leads whose deadline has passed without completion reported.</param>
/// <param name="CompletedOnTime">Tasks it leads accepted as complete, reported complete by the deadline.</param>
/// <param name="OnTimeRate">Obligations met on time over those settled or past due (not-yet-due and awaiting-review ones wait); null when none.</param>
public sealed record UnitTimeliness(
    string Unit,
    int TasksLed,
    int TasksCooperated,
    int AcknowledgementsOnTime,
    int AcknowledgementsLate,
    int AcknowledgementsOutstanding,
    double? AverageAcknowledgementWorkingDays,
    int ReportsOnTime,
    int ReportsLate,
    int ReportsMissed,
    int TasksOverdueNow,
    int CompletedOnTime,
    int CompletedLate,
    IReadOnlyDictionary<SupervisionRating, int> Ratings,
    int Admonishments,
    double? OnTimeRate)
{
    /// <summary>Its own part on the tasks it cooperates on (配合), counted apart from the led work above.</summary>
    public CooperatedWork Cooperated { get; init; } = CooperatedWork.None;
}

/// <summary>A unit's timeliness as cooperating unit (配合单位): acknowledging its part and reporting on it.</summary>
/// <param name="OnTimeRate">Its own obligations met on time over those settled or past due; null when none.</param>
public sealed record CooperatedWork(
    int AcknowledgementsOnTime,
    int AcknowledgementsLate,
    int AcknowledgementsOutstanding,
    int ReportsOnTime,
    int ReportsLate,
    int ReportsMissed,
    double? OnTimeRate)
{
    public static CooperatedWork None { get; } = new(0, 0, 0, 0, 0, 0, null);
}
