using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;
using YiyangTasks.PlanImport;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Plans;

/// <summary>POST /api/plans/import?planId=&amp;jurisdiction=&amp;dryRun=: the document as the body (text/plain, text/csv, a .docx,
/// a PDF, the .xlsx 分工表) or as a multipart file. Which format it is, the bytes say (<see cref="PlanFile"/>, the 分工表 by
/// <see cref="DivisionSheetReader"/>). A dry run asked for the .xlsx media type (Accept) answers the 分工表 to correct and post back.</summary>
public static class ImportEndpoint
{
    /// <summary>The bodies the endpoint takes, as declared in the OpenAPI document.</summary>
    public static readonly string[] MediaTypes =
        ["text/plain", "text/csv", PlanFile.WordContentType, PlanFile.PdfContentType, DivisionSheet.MediaType, "application/octet-stream", "multipart/form-data"];

    public static async Task<IResult> Handle(HttpContext http, string? planId, string? jurisdiction, bool? dryRun, string? title,
        PlanImporter importer)
    {
        var request = http.Request;
        if (request.ContentLength > PlanImporter.MaxBytes) return Problems.PayloadTooLarge(PlanImporter.MaxBytes);

        byte[] content;
        string? fileName = null, contentType;
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(http.RequestAborted);
                var file = form.Files.FirstOrDefault();
                if (file is null) return Problems.Invalid("file", "field.file-required");
                if (file.Length > PlanImporter.MaxBytes) return Problems.PayloadTooLarge(PlanImporter.MaxBytes);
                planId ??= form["planId"].FirstOrDefault();
                jurisdiction ??= form["jurisdiction"].FirstOrDefault();
                title ??= form["title"].FirstOrDefault();
                (fileName, contentType) = (file.FileName, file.ContentType);
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, http.RequestAborted);
                content = buffer.ToArray();
            }
            else
            {
                contentType = request.ContentType;
                if (await RequestBody.ReadLimitedAsync(request, PlanImporter.MaxBytes) is not { } body)
                    return Problems.PayloadTooLarge(PlanImporter.MaxBytes);
                content = body;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.PayloadTooLarge(PlanImporter.MaxBytes);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.PayloadTooLarge(PlanImporter.MaxBytes);
        }
        catch (InvalidDataException e)
        {
            return Problems.BadRequest(Messages.Of("multipart-unreadable", ("reason", e.Message)));
        }

        var rules = new TextRules()
            .Required("planId", planId, 64)
            .Check("planId", planId is null || PlanIds.IsValid(planId), "field.id")
            .Required("jurisdiction", jurisdiction, 100)
            .Optional("title", title, 300);
        if (rules.Problem() is { } invalid) return invalid;

        var (result, problem) = await importer.ImportAsync(
            new PlanImporter.Request(planId!, jurisdiction!.Trim(), dryRun ?? false, content, fileName, contentType, title?.Trim()),
            ActorFilter.Of(http), Correlation.Id(http), http.RequestAborted);
        if (problem is not null) return problem;
        if (result!.Outcome == "dry-run" && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(DivisionSheet.MediaType, StringComparison.OrdinalIgnoreCase)))
            return Results.File(DivisionSheet.Write(result), DivisionSheet.MediaType, $"{planId}-分工表.xlsx");
        return result.Outcome == "imported" ? Results.Created($"/api/plans/{planId}", result) : Results.Ok(result);
    }

    /// <summary>A file that cannot be read as a plan: 400 when empty, 415 for a format we do not read (.doc/.wps: save as
    /// .docx), 422 for a .docx or PDF that is damaged, encrypted or has no text. Nothing is stored.</summary>
    public static IResult Refused(PlanFileRefusal refusal)
    {
        // The reader words its refusals in Chinese, with what it found; an English reader gets the code's sentence.
        var detail = Messages.English ? Messages.Of($"import.{refusal.Code}") : refusal.Detail;
        return refusal.Kind switch
        {
            PlanFileRefusalKind.Empty => Problems.Problem(StatusCodes.Status400BadRequest, refusal.Code, detail, title: "file-empty"),
            PlanFileRefusalKind.Unsupported => Problems.Problem(StatusCodes.Status415UnsupportedMediaType, refusal.Code, detail, title: "file-unsupported"),
            _ => Problems.Problem(StatusCodes.Status422UnprocessableEntity, refusal.Code, detail, title: "file-unreadable"),
        };
    }
}
