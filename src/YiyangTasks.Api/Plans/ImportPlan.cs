using System.Security.Cryptography;
using Marten;
using Wolverine.Marten;
using YiyangTasks.Api.Calendar;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Units;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.PlanImport;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Plans;

/// <summary>A task as the importer understood it, with where it came from and which units it could not resolve. Lead and
/// cooperating units are the directory's canonical names; the written ones are as the plan's document writes them.</summary>
public sealed record ImportedTask(int Number, string Text, IReadOnlyList<string> LeadUnits, IReadOnlyList<string> CooperatingUnits,
    ResponsibilityMode Mode, DateOnly? Deadline, string? DeadlineWords, IReadOnlyList<WrittenDeadline> Deadlines,
    string? RelativeDeadline, SourceLines Source, IReadOnlyList<string> UnknownUnits)
{
    public IReadOnlyList<string> WrittenLeadUnits { get; init; } = [];
    public IReadOnlyList<string> WrittenCooperatingUnits { get; init; } = [];

    /// <summary>The reporting cycle (报送周期) the source states (the 分工表 does); monthly when it states none.</summary>
    public ReportingCycle ReportingCycle { get; init; } = ReportingCycle.Monthly;

    /// <summary>The deadline as written: its kind (a date, range, horizon, recurrence or standing task), words and implied dates.</summary>
    public DeadlineTerms? DeadlineTerms { get; init; }
}

/// <summary>A name the unit directory does not know, the tasks that write it, and the known units it most likely means.</summary>
public sealed record UnknownUnit(string Name, IReadOnlyList<int> Tasks, IReadOnlyList<string> Suggestions);

/// <summary>What an import understood and did: the plan, its tasks, the warnings, and the outcome.</summary>
public sealed record ImportResult(string PlanId, string Outcome, string ContentHash, string? Encoding, string? Title,
    string? DocumentNumber, string? IssuingBody, DateOnly? IssuedOn, IReadOnlyList<ImportedTask> Tasks,
    IReadOnlyList<DirectoryUnit> Members, IReadOnlyList<ParseWarning> Warnings, PlanDifferences? Differences)
{
    /// <summary>Every unknown unit name once, with suggestions: an admin merges each into a unit (POST /api/units/{unitId}/merges).</summary>
    public IReadOnlyList<UnknownUnit> UnknownUnits { get; init; } = [];
}

/// <summary>
/// POST /api/plans/import: reads a published plan (text, .docx, PDF, a multipart file, the structured CSV, or the .xlsx 分工表),
/// answers what it understood, and (unless dryRun) assigns its tasks in one transaction. The same document
/// again is a no-op; a revised one is recorded as differences on the existing tasks.
/// </summary>
public sealed class PlanImporter(IDocumentStore store, IServiceScopeFactory scopes, PlanAssignment assignment,
    UnitDirectoryCache directory, HolidayCalendar holidays, TimeProvider clock)
{
    /// <summary>Documents are tens of kilobytes; five megabytes is far beyond any real plan.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>An import: the file's bytes with its name and content type as sent (hints; the bytes decide the format, see <see cref="PlanFile"/>).</summary>
    public sealed record Request(string PlanId, string Jurisdiction, bool DryRun, byte[] Content, string? FileName, string? ContentType, string? Title);

    /// <summary>Imports a document, answering a problem (status, type, detail) when it cannot.</summary>
    public async Task<(ImportResult? Result, IResult? Problem)> ImportAsync(Request request, Actor actor, string correlationId,
        CancellationToken cancellationToken)
    {
        if (DivisionSheetReader.IsWorkbook(request.Content)) return await ImportSheetAsync(request, actor, correlationId, cancellationToken);
        var file = PlanFile.Read(request.Content, request.FileName, request.ContentType);
        if (file.Refusal is { } unreadable) return (null, ImportEndpoint.Refused(unreadable));
        return await ImportParsedAsync(request, file.Parse(), file.Text!, file.Encoding, file.Format == PlanFileFormat.Csv, actor, correlationId, cancellationToken);
    }

    // The 分工表 posted back: its rows are read as the CSV's records; its hash is of what the cells say, so the same
    // sheet saved again by Excel or WPS is unchanged.
    private async Task<(ImportResult? Result, IResult? Problem)> ImportSheetAsync(Request request, Actor actor, string correlationId,
        CancellationToken cancellationToken)
    {
        var reading = DivisionSheetReader.Read(request.Content);
        if (reading.Rows is null)
            return (null, Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "unreadable-document",
                Messages.English || reading.Refusal is null ? Messages.Of("workbook-save-as-xlsx") : reading.Refusal, title: "unreadable-workbook"));
        var cells = string.Join("\n", reading.Rows.Select(r => string.Join("\t", r.Fields)));
        return await ImportParsedAsync(request, PlanCsvReader.Read(reading.Rows), cells, "xlsx", true, actor, correlationId, cancellationToken);
    }

    private async Task<(ImportResult? Result, IResult? Problem)> ImportParsedAsync(Request request, ParsedPlan parsed, string content,
        string? encoding, bool isTable, Actor actor, string correlationId, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content))).ToLowerInvariant();
        // 5年内 and 年内 count from the plan's date, or from today when the document gives none.
        var planDate = parsed.IssuedOn ?? Domain.Timeliness.ChinaTime.DateOf(clock.GetUtcNow());
        var (tasks, warnings, unknown) = await ResolveUnitsAsync(parsed, planDate, request.Jurisdiction, cancellationToken);
        ImportResult Answer(string outcome, PlanDifferences? differences = null) => new(request.PlanId, outcome, hash, encoding,
            parsed.Title, parsed.DocumentNumber, parsed.IssuingBody, parsed.IssuedOn, tasks, parsed.Members, warnings, differences)
        {
            UnknownUnits = unknown,
        };

        if (tasks.Count == 0)
            return (null, Problems.Problem(StatusCodes.Status422UnprocessableEntity, "no-task-list", Messages.Of("no-task-list"),
                new Dictionary<string, object?> { ["warnings"] = warnings }));
        if (request.DryRun) return (Answer("dry-run"), null);

        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = ActingSession.Open(store, outbox, actor, correlationId);
        var now = clock.GetUtcNow();
        var draft = new PlanDraft(request.PlanId, request.Title ?? parsed.Title ?? request.PlanId, request.Jurisdiction,
            parsed.DocumentNumber, parsed.IssuingBody, parsed.IssuedOn, null, hash,
            tasks.Select(t => new AssignTask(request.PlanId, t.Number, t.Text, t.LeadUnits, t.CooperatingUnits, t.Mode,
                t.Deadline, t.DeadlineWords, t.ReportingCycle, t.DeadlineTerms)).ToArray())
        {
            StatesReportingCycles = parsed.Tasks.Any(t => t.ReportingCycle is not null),
            StatesModesOnlyInWords = isTable,
        };

        var existing = await session.LoadAsync<Plan>(request.PlanId, cancellationToken);
        string outcome;
        PlanDifferences? differences = null;
        if (existing is null)
        {
            var (_, refusal) = await assignment.StageNewAsync(session, outbox, draft, actor, now, cancellationToken);
            if (refusal is not null) return (null, Problems.Problem(422, "unassignable-task", Messages.Of(refusal)));
            outcome = "imported";
        }
        else if (existing.ContentHash == hash)
        {
            return (Answer("unchanged"), null);
        }
        else
        {
            // A table (the 分工表, a CSV) has no title: the plan keeps its own rather than taking its id.
            var revision = draft with { Title = request.Title ?? parsed.Title ?? existing.Title };
            (differences, var refusal) = await assignment.StageRevisionAsync(session, outbox, existing, revision, actor, now, cancellationToken);
            if (refusal is not null) return (null, Problems.Problem(422, "unrevisable-task", Messages.Of(refusal)));
            outcome = "revised";
        }
        await StoreMembersAsync(session, parsed.Members, request.Jurisdiction, cancellationToken);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e.GetType().Name.Contains("ExistingStreamIdCollision") || e is JasperFx.ConcurrencyException)
        {
            return (null, Problems.Problem(409, "import-conflict", Messages.Of("import-conflict")));
        }
        directory.Invalidate();
        return (Answer(outcome, differences), null);
    }

    private async Task<(IReadOnlyList<ImportedTask>, IReadOnlyList<ParseWarning>, IReadOnlyList<UnknownUnit>)> ResolveUnitsAsync(ParsedPlan parsed, DateOnly planDate, string jurisdiction,
        CancellationToken cancellationToken)
    {
        var units = UnitDirectory.For(jurisdiction);
        // Counted deadlines (30个工作日内) count on the calendar in force, the holiday notices an administrator loaded included.
        var calendar = await holidays.CurrentAsync(cancellationToken);
        await using (var session = store.QuerySession())
        {
            foreach (var known in await session.Query<UnitRecord>().ToListAsync(cancellationToken))
                if (known.Jurisdictions.Contains(jurisdiction))
                    units = units.With(new CanonicalUnit(known.Id, known.Aliases, known.IsGroup));
        }
        foreach (var member in parsed.Members)
            if (units.Resolve(member.Name).Unit is null) units = units.With(new CanonicalUnit(member.Name, [], false));

        var warnings = parsed.Warnings.ToList();
        var tasks = new List<ImportedTask>();
        var unknownUnits = new Dictionary<string, (List<int> Tasks, IReadOnlyList<string> Suggestions)>(StringComparer.Ordinal);
        foreach (var task in parsed.Tasks)
        {
            var unknown = new List<string>();
            IReadOnlyList<string> Resolve(IReadOnlyList<string> written) => written.Select(name =>
            {
                if (units.Resolve(name).Unit is { } unit) return unit.Name;
                unknown.Add(name);
                return name.Trim();
            }).Distinct().ToArray();
            // A task only a placeholder answers for (各试点县区政府、各管理区、开发区负责) is led by that group until the office names units.
            var leads = Resolve(task.LeadUnits.Count > 0 ? task.LeadUnits : task.GroupParties);
            var cooperating = Resolve(task.CooperatingUnits).Where(u => !leads.Contains(u)).ToArray();
            foreach (var name in unknown.Select(n => n.Trim()).Distinct())
            {
                if (!unknownUnits.TryGetValue(name, out var seen)) unknownUnits[name] = seen = ([], units.Suggest(name));
                seen.Tasks.Add(task.Number);
                warnings.Add(PlanUnitResolver.UnknownUnit(task, name, seen.Suggestions));
            }
            // The nearest written date is the deadline to follow; every target stays in Deadlines and the words. Without one, the
            // terms' end is (a range's, a horizon's, a bounded recurrence's); a standing task has none.
            var first = task.Deadlines.OrderBy(d => d.Date).FirstOrDefault();
            var terms = DeadlineTermsReader.Read(task, planDate, calendar);
            tasks.Add(new ImportedTask(task.Number, task.Text, leads, cooperating, task.Mode, first?.Date ?? terms.FinalDue,
                task.Deadlines.Count == 0 ? terms.Kind == DeadlineKind.None ? null : terms.Words : string.Join("；", task.Deadlines.Select(d => d.Words).Distinct()),
                task.Deadlines, task.RelativeDeadline, task.Source, unknown)
            {
                WrittenLeadUnits = task.LeadUnits.Select(u => u.Trim()).ToArray(),
                WrittenCooperatingUnits = task.CooperatingUnits.Select(u => u.Trim()).ToArray(),
                ReportingCycle = task.ReportingCycle ?? ReportingCycle.Monthly,
                DeadlineTerms = terms,
            });
        }
        return (tasks, warnings, unknownUnits.Select(u => new UnknownUnit(u.Key, u.Value.Tasks, u.Value.Suggestions)).ToArray());
    }

    private static async Task StoreMembersAsync(IDocumentSession session, IReadOnlyList<DirectoryUnit> members, string jurisdiction,
        CancellationToken cancellationToken)
    {
        // The annex of members and liaisons (成员单位及联络员) becomes the jurisdiction's unit directory.
        foreach (var member in members)
        {
            var liaisons = member.Liaisons.Select(l => new LiaisonContact(l.Name, l.Title, l.Phone)).ToArray();
            var known = await session.LoadAsync<UnitRecord>(member.Name, cancellationToken);
            session.Store(known is null
                ? new UnitRecord { Id = member.Name, Jurisdictions = [jurisdiction], Liaisons = liaisons }
                : known with { Jurisdictions = known.Jurisdictions.Union([jurisdiction]).ToArray(), Liaisons = liaisons.Length > 0 ? liaisons : known.Liaisons });
        }
    }
}
