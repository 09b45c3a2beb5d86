using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Localization;

/// <summary>
/// The host's sentences in the reader's language: Messages.resx (zh-CN, the default) and Messages.en.resx, chosen by
/// the request's culture (<see cref="Languages"/>). A sentence names its facts as {unit}, {number}, {date}.
/// </summary>
public sealed partial class Messages
{
    // The request localization middleware sets CurrentUICulture for the request, and it flows with the request's
    // async work, so the static helpers word a problem in the caller's language; outside a request it is Chinese.
    private static readonly IStringLocalizer Localizer =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(Messages));

    /// <summary>Whether this request reads English; anything else reads Chinese.</summary>
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The sentence <paramref name="key"/> in the current language, its {placeholders} filled from <paramref name="args"/>.</summary>
    public static string Of(string key, params (string Name, object? Value)[] args) =>
        Fill(Localizer[key], args.ToDictionary(a => a.Name, a => a.Value));

    /// <summary>A rule refusal from the domain, worded.</summary>
    public static string Of(RuleViolation violation) => Fill(Localizer[$"rule.{violation.Code.Key}"], violation.Args);

    /// <summary>The sentence for a rule code, as a validation message (the deadline terms' problems).</summary>
    public static string Of(RuleCode code) => Localizer[$"rule.{code.Key}"];

    /// <summary>Words something in Chinese whatever the request asked: what is stored and sent on (the digest).</summary>
    public static T InChinese<T>(Func<T> words)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            return words();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>A row of words kept as one sentence, separated by |: a file's header row.</summary>
    public static string[] Row(string key) => Localizer[key].Value.Split('|');

    /// <summary>A day as the current language writes it: 2026年12月3日, or 3 December 2026.</summary>
    public static string Date(DateOnly day) =>
        English ? day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en")) : ChineseDate.Of(day);

    /// <summary>Whether the tables word <paramref name="key"/> at all.</summary>
    public static bool Knows(string key) => !Localizer[key].ResourceNotFound;

    /// <summary>Whether both tables word <paramref name="key"/>: the tables' completeness test asks.</summary>
    internal static bool Has(string key, CultureInfo culture) =>
        Resources.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key) is { Length: > 0 };

    private static string Fill(LocalizedString sentence, IReadOnlyDictionary<string, object?> args) =>
        args.Count == 0 ? sentence.Value : Placeholder().Replace(sentence.Value, m => args.TryGetValue(m.Groups[1].Value, out var v) ? Word(v) : m.Value);

    private static string Word(object? value) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => Date(d),
        DayOfWeek w => English ? w.ToString() : "星期" + "日一二三四五六"[(int)w],
        DateTimeOffset t => English
            ? t.ToOffset(ChinaTime.Offset).ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("en")) + " (Beijing time)"
            : $"{ChineseDate.Of(ChinaTime.DateOf(t))}{t.ToOffset(ChinaTime.Offset):HH:mm}",
        IEnumerable many => string.Join(English ? ", " : "、", many.Cast<object?>().Select(Word)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    /// <summary>The tables as .NET's resource manager reads them (for the completeness test).</summary>
    internal static class Resources
    {
        public static readonly System.Resources.ResourceManager ResourceManager =
            new(typeof(Messages).FullName!, typeof(Messages).Assembly);
    }
}
