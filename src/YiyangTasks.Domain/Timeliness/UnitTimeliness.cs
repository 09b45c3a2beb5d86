using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Domain.Timeliness;

/// <summary>
/// A unit's timeliness over a set of tasks (单位履职及时性): its acknowledgements, reports and completions as lead unit,
/// the supervision ratings of the tasks it leads, and the admonishments naming it.
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
    double? OnTimeRate);
