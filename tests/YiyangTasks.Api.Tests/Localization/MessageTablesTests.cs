using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using YiyangTasks.Api.Localization;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tests.Localization;

/// <summary>Every sentence the API can say exists in both tables, with the same facts to fill in.</summary>
public partial class MessageTablesTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Every_rule_the_domain_refuses_with_has_a_Chinese_and_an_English_message()
    {
        Assert.True(RuleCode.All.Count >= 40, $"only {RuleCode.All.Count} rule codes found");
        var missing = RuleCode.All
            .SelectMany(code => new[] { Chinese, English }.Where(c => !Messages.Has($"rule.{code.Key}", c)).Select(c => $"{c.Name}: rule.{code.Key}"))
            .ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_problem_of_a_holiday_notice_has_a_Chinese_and_an_English_message()
    {
        var missing = Domain.Calendar.HolidayNoticeRules.Codes
            .SelectMany(code => new[] { Chinese, English }.Where(c => !Messages.Has($"notice.{code}", c)).Select(c => $"{c.Name}: notice.{code}"))
            .ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Both_tables_word_the_same_keys_with_the_same_placeholders()
    {
        var chinese = Table(Chinese);
        var english = Table(English);
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(chinese.Keys));
        var differing = chinese.Keys.Where(k => !Placeholders(chinese[k]).SetEquals(Placeholders(english[k]))).ToArray();
        Assert.Empty(differing);
        // Chinese text in the Chinese table uses full-width punctuation after Chinese words, not an ASCII full stop.
        Assert.Empty(chinese.Where(e => Regex.IsMatch(e.Value, @"[\u4e00-\u9fff]\.$")).Select(e => e.Key));
    }

    [Fact]
    public void A_rule_refusal_is_worded_in_the_current_language()
    {
        var violation = Decision.Refuse(RuleCode.CooperationAlreadyAcknowledged, ("unit", "市医保局"), ("number", 3),
            ("date", new DateOnly(2026, 12, 3))).Refusal!;
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Chinese;
            Assert.Equal("市医保局已于2026年12月3日签收第3项任务的配合事项，不能重复签收。", Messages.Of(violation));
            CultureInfo.CurrentUICulture = English;
            Assert.Equal("市医保局 acknowledged its part of task 3 on 3 December 2026.", Messages.Of(violation));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static Dictionary<string, string> Table(CultureInfo culture) =>
        Messages.Resources.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static HashSet<string> Placeholders(string sentence) =>
        Placeholder().Matches(sentence).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();
}
