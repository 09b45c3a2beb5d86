using System.Diagnostics;
using System.Text;

namespace YiyangTasks.PlanImport.Tests;

/// <summary>Truncated, shuffled and bloated seeds never make the readers throw or hang.</summary>
public class MutationTests
{
    // A guard against hangs (backtracking, quadratic scans), not a performance figure: idle, the worst case here takes
    // under a second, but CI shares two cores with PostgreSQL and the other test assemblies (12-25 s seen under load).
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public void Mutated_seeds_always_parse_quickly()
    {
        var random = new Random(20240611);
        foreach (var seed in Seeds.All)
        {
            var text = Seeds.Text(seed);
            for (var round = 0; round < 25; round++)
            {
                var mutated = Mutate(text, random);
                var clock = Stopwatch.StartNew();
                // Parse never throws by design; a reader-failure warning is how a thrown bug would show.
                Assert.DoesNotContain(PlanDocumentParser.Parse(mutated).Warnings, w => w.Code == "reader-failure");
                Assert.DoesNotContain(PlanDocumentParser.Parse(mutated, UnitDirectory.For("信阳市")).Warnings, w => w.Code == "reader-failure");
                Assert.DoesNotContain(PlanCsvReader.Read(mutated).Warnings, w => w.Code == "reader-failure");
                PlanDocumentDecoder.Decode(Encoding.UTF8.GetBytes(mutated));
                Assert.True(clock.Elapsed < Budget, $"{seed} round {round} took {clock.Elapsed}");
            }
        }
    }

    [Theory]
    [InlineData("（")]
    [InlineData("）")]
    [InlineData("、")]
    [InlineData("1、")]
    [InlineData("到2022年、")]
    [InlineData("序号\n")]
    [InlineData("\"")]
    public void A_huge_line_of_one_pattern_parses_quickly(string pattern)
    {
        var huge = string.Concat(Enumerable.Repeat(pattern, 200_000 / pattern.Length));
        var clock = Stopwatch.StartNew();

        Assert.DoesNotContain(PlanDocumentParser.Parse(huge).Warnings, w => w.Code == "reader-failure");
        Assert.DoesNotContain(PlanDocumentParser.Parse("1、" + huge + "（责任单位：县卫健委）").Warnings, w => w.Code == "reader-failure");
        Assert.DoesNotContain(PlanCsvReader.Read(huge).Warnings, w => w.Code == "reader-failure");

        Assert.True(clock.Elapsed < Budget, $"took {clock.Elapsed}");
    }

    [Fact]
    public void Random_bytes_decode_or_are_refused_without_throwing()
    {
        var random = new Random(11);
        for (var round = 0; round < 200; round++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            var decoded = PlanDocumentDecoder.Decode(bytes);
            Assert.True(decoded.Text is not null ^ decoded.Refusal is not null);
        }
    }

    internal static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(6))
        {
            case 0: // truncated anywhere, even mid-character pair
                return text[..random.Next(text.Length)];
            case 1: // shuffled lines
                return string.Join('\n', lines.OrderBy(_ => random.Next()));
            case 2: // a huge line dropped in
                lines.Insert(random.Next(lines.Count), new string(text[random.Next(text.Length)], 100_000));
                return string.Join('\n', lines);
            case 3: // lines duplicated and dropped
                for (var i = 0; i < 20; i++)
                {
                    var at = random.Next(lines.Count);
                    if (random.Next(2) == 0) lines.Insert(at, lines[random.Next(lines.Count)]);
                    else lines.RemoveAt(at);
                }
                return string.Join('\n', lines);
            case 4: // characters swapped for brackets, separators and digits
                var chars = text.ToCharArray();
                const string noise = "（）()、，：:1一年月底前负责牵头配合\t\r\"|";
                for (var i = 0; i < 200; i++) chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)];
                return new string(chars);
            default: // all on one line
                return text.Replace('\n', ' ');
        }
    }
}
