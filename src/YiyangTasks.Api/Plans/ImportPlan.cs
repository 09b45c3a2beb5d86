using System.Security.Cryptography;
using Marten;
using Wolverine.Marten;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Units;
using YiyangTasks.Domain.Plans;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.PlanImport;

namespace YiyangTasks.Api.Plans;

/// <summary>A task as the importer understood it, with where it came from and which units it could not resolve.</summary>
public sealed record ImportedTask(int Number, string Text, IReadOnlyList<string> LeadUnits, IReadOnlyList<string> CooperatingUnits,
    ResponsibilityMode Mode, DateOnly? Deadline, string? DeadlineWords, IReadOnlyList<WrittenDeadline> Deadlines,
    string? RelativeDeadline, SourceLines Source, IReadOnlyList<string> UnknownUnits);

/// <summary>What an import understood and did: the plan, its tasks, the warnings, and the outcome.</summary>
public sealed record ImportResult(string PlanId, string Outcome, string ContentHash, string? Encoding, string? Title,
    string? DocumentNumber, string? IssuingBody, DateOnly? IssuedOn, IReadOnlyList<ImportedTask> Tasks,
    IReadOnlyList<DirectoryUnit> Members, IReadOnlyList<ParseWarning> Warnings, PlanDifferences? Differences);

/// <summary>
/// POST /api/plans/import: reads a published plan (text/plain, a multipart file, or the structured CSV),
/// answers what it understood, and (unless dryRun) assigns its tasks in one transaction. The same document
/// again is a no-op; a revised one is recorded as differences on the existing tasks.
/// </summary>
public sealed class PlanImporter(IDocumentStore store, IServiceScopeFactory scopes, PlanAssignment assignment,
    UnitDirectoryCache directory, Reports.ReportCache reports, TimeProvider clock)
{
    /// <summary>Documents are tens of kilobytes; five megabytes is far beyond any real plan.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public sealed record Request(string PlanId, string Jurisdiction, bool DryRun, byte[] Content, bool IsCsv, string? Title);

    /// <summary>Imports a document, answering a problem (status, type, detail) when it cannot.</summary>
    public async Task<(ImportResult? Result, IResult? Problem)> ImportAsync(Request request, Actor actor, string correlationId,
        CancellationToken cancellationToken)
    {
        var decoded = PlanDocumentDecoder.Decode(request.Content);
        if (decoded.Text is null)
            return (null, request.Content.Length == 0
                ? Problems.BadRequest(decoded.Refusal ?? "The document is empty.")
                : Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "unreadable-document", "The document cannot be read as text.",
                    decoded.Refusal ?? "Send the plan as UTF-8 or GB18030 text."));

        var parsed = request.IsCsv ? PlanCsvReader.Read(decoded.Text) : PlanDocumentParser.Parse(decoded.Text);
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(decoded.Text))).ToLowerInvariant();
        var (tasks, warnings) = await ResolveUnitsAsync(parsed, request.Jurisdiction, cancellationToken);
        ImportResult Answer(string outcome, PlanDifferences? differences = null) => new(request.PlanId, outcome, hash, decoded.Encoding,
            parsed.Title, parsed.DocumentNumber, parsed.IssuingBody, parsed.IssuedOn, tasks, parsed.Members, warnings, differences);

        if (tasks.Count == 0)
            return (null, Problems.Problem(StatusCodes.Status422UnprocessableEntity, "no-task-list", "The document has no task list.",
                "No numbered tasks with responsible units were found; nothing was stored.",
                new Dictionary<string, object?> { ["warnings"] = warnings }));
        if (request.DryRun) return (Answer("dry-run"), null);

        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = store.LightweightSession();
        outbox.Enroll(session);
        session.CorrelationId = correlationId;
        session.LastModifiedBy = actor.UserId;
        session.SetHeader("actor", actor);
        var now = clock.GetUtcNow();
        var draft = new PlanDraft(request.PlanId, request.Title ?? parsed.Title ?? request.PlanId, request.Jurisdiction,
            parsed.DocumentNumber, parsed.IssuingBody, parsed.IssuedOn, null, hash,
            tasks.Select(t => new AssignTask(request.PlanId, t.Number, t.Text, t.LeadUnits, t.CooperatingUnits, t.Mode,
                t.Deadline, t.DeadlineWords)).ToArray());

        var existing = await session.LoadAsync<Plan>(request.PlanId, cancellationToken);
        string outcome;
        PlanDifferences? differences = null;
        if (existing is null)
        {
            var (_, refusal) = await assignment.StageNewAsync(session, outbox, draft, actor, now, cancellationToken);
            if (refusal is not null) return (null, Problems.Problem(422, "unassignable-task", "A task cannot be assigned.", refusal.Message));
            outcome = "imported";
        }
        else if (existing.ContentHash == hash)
        {
            return (Answer("unchanged"), null);
        }
        else
        {
            (differences, var refusal) = await assignment.StageRevisionAsync(session, outbox, existing, draft, actor, now, cancellationToken);
            if (refusal is not null) return (null, Problems.Problem(422, "unrevisable-task", "A task cannot be revised.", refusal.Message));
            outcome = "revised";
        }
        await StoreMembersAsync(session, parsed.Members, request.Jurisdiction, cancellationToken);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e.GetType().Name.Contains("ExistingStreamIdCollision") || e is JasperFx.ConcurrencyException)
        {
            return (null, Problems.Problem(409, "import-conflict", "The plan changed while importing.",
                "Another import of this plan ran at the same time; import again."));
        }
        directory.Invalidate();
        reports.Touch(request.PlanId);
        return (Answer(outcome, differences), null);
    }

    private async Task<(IReadOnlyList<ImportedTask>, IReadOnlyList<ParseWarning>)> ResolveUnitsAsync(ParsedPlan parsed, string jurisdiction,
        CancellationToken cancellationToken)
    {
        var units = UnitDirectory.For(jurisdiction);
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
            foreach (var name in unknown)
                warnings.Add(new ParseWarning(task.Source.First, "unknown-unit",
                    $"Task {task.Number} names '{name}', which is not in the {jurisdiction} unit directory; it was added as a new unit."));
            // The nearest written date is the deadline to follow; every target stays in Deadlines and the words.
            var first = task.Deadlines.OrderBy(d => d.Date).FirstOrDefault();
            tasks.Add(new ImportedTask(task.Number, task.Text, leads, cooperating, task.Mode, first?.Date,
                task.Deadlines.Count == 0 ? null : string.Join("；", task.Deadlines.Select(d => d.Words).Distinct()),
                task.Deadlines, task.RelativeDeadline, task.Source, unknown));
        }
        return (tasks, warnings);
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
