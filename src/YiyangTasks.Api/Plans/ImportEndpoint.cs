using YiyangTasks.Api.Http;
using YiyangTasks.Api.Identity;

namespace YiyangTasks.Api.Plans;

/// <summary>POST /api/plans/import?planId=&amp;jurisdiction=&amp;dryRun=: the document as text/plain, text/csv, the .xlsx 分工表 or a
/// multipart file. A dry run asked for the .xlsx media type (Accept) answers the 分工表 to correct and post back.</summary>
public static class ImportEndpoint
{
    public static async Task<IResult> Handle(HttpContext http, string? planId, string? jurisdiction, bool? dryRun, string? title,
        PlanImporter importer)
    {
        var request = http.Request;
        if (request.ContentLength > PlanImporter.MaxBytes) return Problems.PayloadTooLarge(PlanImporter.MaxBytes);

        byte[] content;
        var isCsv = false;
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(http.RequestAborted);
                var file = form.Files.FirstOrDefault();
                if (file is null) return Problems.Invalid("file", "Attach the plan document as a file.");
                if (file.Length > PlanImporter.MaxBytes) return Problems.PayloadTooLarge(PlanImporter.MaxBytes);
                planId ??= form["planId"].FirstOrDefault();
                jurisdiction ??= form["jurisdiction"].FirstOrDefault();
                title ??= form["title"].FirstOrDefault();
                isCsv = file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || file.ContentType.Contains("csv");
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, http.RequestAborted);
                content = buffer.ToArray();
            }
            else
            {
                var type = request.ContentType ?? "";
                if (!type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
                    && !type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
                    && !type.StartsWith(DivisionSheet.MediaType, StringComparison.OrdinalIgnoreCase))
                    return Problems.UnsupportedMediaType($"text/plain, text/csv, {DivisionSheet.MediaType} or multipart/form-data with a file");
                isCsv = type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase);
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
            return Problems.BadRequest($"The multipart body cannot be read: {e.Message}");
        }

        var rules = new TextRules()
            .Required("planId", planId, 64)
            .Check("planId", planId is null || PlanIds.IsValid(planId), "must be lower-case letters, digits and hyphens.")
            .Required("jurisdiction", jurisdiction, 100)
            .Optional("title", title, 300);
        if (rules.Problem() is { } invalid) return invalid;

        var (result, problem) = await importer.ImportAsync(
            new PlanImporter.Request(planId!, jurisdiction!.Trim(), dryRun ?? false, content, isCsv, title?.Trim()),
            ActorFilter.Of(http), Correlation.Id(http), http.RequestAborted);
        if (problem is not null) return problem;
        if (result!.Outcome == "dry-run" && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(DivisionSheet.MediaType, StringComparison.OrdinalIgnoreCase)))
            return Results.File(DivisionSheet.Write(result), DivisionSheet.MediaType, $"{planId}-分工表.xlsx");
        return result.Outcome == "imported" ? Results.Created($"/api/plans/{planId}", result) : Results.Ok(result);
    }
}
