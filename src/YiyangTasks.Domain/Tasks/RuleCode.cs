using System.Reflection;

namespace YiyangTasks.Domain.Tasks;

/// <summary>
/// A rule that refuses a command: <see cref="Rule"/> is its stable code (the problem's <c>rule</c>), <see cref="Key"/> names
/// the sentence the host words it with in the reader's language. Every code the domain refuses with is listed here.
/// </summary>
public sealed class RuleCode
{
    private RuleCode(string rule, string? variant = null) => (Rule, Key) = (rule, variant is null ? rule : $"{rule}.{variant}");

    public string Rule { get; }

    public string Key { get; }

    public override string ToString() => Key;

    public static readonly RuleCode TaskWithdrawn = new("task-withdrawn");
    public static readonly RuleCode RevisionOfWithdrawnTask = new("task-withdrawn", "revision");
    public static readonly RuleCode TaskCompleted = new("task-completed");
    public static readonly RuleCode TaskNeedsLeadUnit = new("task-needs-lead-unit");
    public static readonly RuleCode RevisionNeedsLeadUnit = new("task-needs-lead-unit", "revision");
    public static readonly RuleCode TaskNeedsText = new("task-needs-text");
    public static readonly RuleCode OnlyLeadUnitAcknowledges = new("only-lead-unit-acknowledges");
    public static readonly RuleCode AlreadyAcknowledged = new("already-acknowledged");
    public static readonly RuleCode UnitNotOnTask = new("unit-not-on-task");
    public static readonly RuleCode PercentOutOfRange = new("percent-out-of-range");
    public static readonly RuleCode SupersededReportUnknown = new("superseded-report-unknown");
    public static readonly RuleCode ReportAlreadySuperseded = new("report-already-superseded");
    public static readonly RuleCode PeriodEndsBeforeItStarts = new("period-ends-before-it-starts");
    public static readonly RuleCode ReportPeriodInFuture = new("report-period-in-future");
    public static readonly RuleCode ReportPeriodPastRunningPeriod = new("report-period-past-running-period");
    public static readonly RuleCode ReportPeriodBeforeAssignment = new("report-period-before-assignment");
    public static readonly RuleCode OnlyLeadUnitReportsCompletion = new("only-lead-unit-reports-completion");
    public static readonly RuleCode CompletionAlreadyPending = new("completion-already-pending");
    public static readonly RuleCode NoCompletionPending = new("no-completion-pending");
    public static readonly RuleCode OnlyLeadUnitRequestsExtension = new("only-lead-unit-requests-extension");
    public static readonly RuleCode NoDeadlineToExtend = new("no-deadline-to-extend");
    public static readonly RuleCode ExtensionNotAfterDeadline = new("extension-not-after-deadline");
    public static readonly RuleCode GrantedDeadlineNotAfterDeadline = new("extension-not-after-deadline", "grant");
    public static readonly RuleCode ExtensionAlreadyPending = new("extension-already-pending");
    public static readonly RuleCode NoSuchPendingExtension = new("no-such-pending-extension");
    public static readonly RuleCode RefusalNeedsReason = new("refusal-needs-reason");
    public static readonly RuleCode AdmonishmentNamesNoUnit = new("admonishment-names-unit-not-on-task", "none");
    public static readonly RuleCode AdmonishmentNamesUnitNotOnTask = new("admonishment-names-unit-not-on-task");
    public static readonly RuleCode EscalationNamesNoUnit = new("escalation-names-unit-not-on-task", "none");
    public static readonly RuleCode EscalationNamesUnitNotOnTask = new("escalation-names-unit-not-on-task");
    public static readonly RuleCode EscalationWithoutAdmonishment = new("escalation-without-admonishment");
    public static readonly RuleCode SameUnit = new("same-unit");
    public static readonly RuleCode CorrectionNeedsReason = new("correction-needs-reason");
    public static readonly RuleCode DeadlineUnchanged = new("deadline-unchanged");
    public static readonly RuleCode DeadlineTermsNeedWords = new("deadline-terms-inconsistent", "words");
    public static readonly RuleCode DeadlineTermsNeedUntil = new("deadline-terms-inconsistent", "until");
    public static readonly RuleCode DeadlineTermsNeedRange = new("deadline-terms-inconsistent", "range");
    public static readonly RuleCode DeadlineTermsNeedCycle = new("deadline-terms-inconsistent", "cycle");
    public static readonly RuleCode DeadlineTermsStandingHasDates = new("deadline-terms-inconsistent", "standing");
    public static readonly RuleCode DeadlineTermsFromAfterUntil = new("deadline-terms-inconsistent", "from-after-until");
    public static readonly RuleCode OnlyCooperatingUnitAcknowledgesItsPart = new("only-cooperating-unit-acknowledges-its-part");
    public static readonly RuleCode LeadUnitAcknowledgesNoPart = new("only-cooperating-unit-acknowledges-its-part", "lead");
    public static readonly RuleCode OnlyCooperatingUnitReportsItsPart = new("only-cooperating-unit-reports-its-part");
    public static readonly RuleCode LeadUnitReportsNoPart = new("only-cooperating-unit-reports-its-part", "lead");
    public static readonly RuleCode CooperationAlreadyAcknowledged = new("cooperation-already-acknowledged");
    public static readonly RuleCode CooperationDutyRequired = new("cooperation-duty-required");
    public static readonly RuleCode CooperationReportNeedsNarrative = new("cooperation-report-needs-narrative");

    /// <summary>Every code above, for the host's message tables and their completeness test.</summary>
    public static IReadOnlyList<RuleCode> All { get; } = typeof(RuleCode)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(RuleCode))
        .Select(f => (RuleCode)f.GetValue(null)!)
        .ToArray();
}
