namespace YiyangTasks.PlanImport.Tests;

/// <summary>A jurisdiction's unit directory: one canonical unit for the many names plans write.</summary>
public class UnitDirectoryTests
{
    [Theory]
    [InlineData("卫健委")]
    [InlineData("县卫健委")]
    [InlineData("卫生健康委员会")]
    [InlineData("卫生健康局")]
    [InlineData("鄢陵县卫生健康委员会")]
    [InlineData("卫生计生委")]
    [InlineData("卫计委")]
    public void Every_name_of_the_health_commission_is_one_unit_within_a_county(string written)
    {
        var resolution = UnitDirectory.For("鄢陵县").Resolve(written);

        Assert.Equal("县卫健委", resolution.Unit?.Name);
    }

    [Theory]
    [InlineData("人力资源和社会保障局", "市人社局")]
    [InlineData("市人力资源社会保障局", "市人社局")]
    [InlineData("医疗保障局", "市医保局")]
    [InlineData("发展和改革委员会", "市发改委")]
    [InlineData("市发展改革委", "市发改委")]
    [InlineData("国土资源局", "市自然资源局")]
    [InlineData("住房城乡建设局", "市住建局")]
    [InlineData("食品药品监管局", "市市场监管局")]
    [InlineData("市市场监管局", "市市场监管局")]
    [InlineData("市场监督管理局", "市市场监管局")]
    [InlineData("人行信阳市支行", "人民银行")]
    [InlineData("市银监局", "银保监分局")]
    public void Current_and_historic_names_resolve_to_the_unit_in_a_city(string written, string canonical)
    {
        var resolution = UnitDirectory.For("信阳市").Resolve(written);

        Assert.Equal(canonical, resolution.Unit?.Name);
    }

    [Theory]
    [InlineData("鄢陵县", "各镇政府", "各乡镇政府")]
    [InlineData("鄢陵县", "各乡镇人民政府", "各乡镇政府")]
    [InlineData("信阳市", "各县区政府、各管理区、开发区", "各县区政府、各管理区、开发区")]
    [InlineData("茂名市", "各区、县级市人民政府", "各区、县级市人民政府")]
    public void Groups_of_units_are_units_of_their_own(string jurisdiction, string written, string canonical)
    {
        var unit = UnitDirectory.For(jurisdiction).Resolve(written).Unit;

        Assert.Equal(canonical, unit?.Name);
        Assert.True(unit?.IsGroup);
    }

    [Fact]
    public void The_county_party_committee_office_keeps_its_county_prefix()
    {
        var directory = UnitDirectory.For("鄢陵县");

        Assert.Equal("县委办", directory.Resolve("县委办").Unit?.Name);
        Assert.Equal("县政府办", directory.Resolve("政府办").Unit?.Name);
        Assert.Equal("县委深改办", directory.Resolve("县委深改办").Unit?.Name);
    }

    [Fact]
    public void A_name_the_directory_does_not_know_is_unknown_until_the_plan_adds_it()
    {
        var directory = UnitDirectory.For("信阳市");

        var unknown = directory.Resolve("中国人寿保险公司信阳分公司");
        Assert.False(unknown.IsKnown);
        Assert.Equal("中国人寿保险公司信阳分公司", unknown.Written);

        var added = directory.With(CanonicalUnit.Seen("中国人寿保险公司信阳分公司"));
        Assert.True(added.Resolve("中国人寿保险公司信阳分公司").IsKnown);
        Assert.Equal(directory.Units.Count + 1, added.Units.Count);
    }

    [Fact]
    public void A_city_unit_named_in_a_county_plan_is_not_the_countys_unit()
    {
        Assert.False(UnitDirectory.For("鄢陵县").Resolve("市卫健委").IsKnown);
    }

    [Fact]
    public void Parsing_with_a_directory_names_units_canonically_and_warns_about_unknown_ones()
    {
        var plan = PlanDocumentParser.Parse(
            "1.建立工作机制。（县卫生健康委员会牵头，县人力资源和社会保障局、县国土资源局、县老干部局配合）",
            UnitDirectory.For("某某县"));

        var task = Assert.Single(plan.Tasks);
        Assert.Equal(["县卫健委"], task.LeadUnits);
        Assert.Equal(["县人社局", "县自然资源局", "县老干部局"], task.CooperatingUnits);
        var warning = Assert.Single(plan.Warnings, w => w.Code == "unknown-unit");
        Assert.Equal(1, warning.Line);
        Assert.Contains("县老干部局", warning.Message);
    }

    [Fact]
    public void Every_unit_of_the_seeds_but_a_few_named_once_resolves_in_its_jurisdiction()
    {
        var unknown = new Dictionary<string, string[]>
        {
            [Seeds.Yanling] = [],
            [Seeds.Xunyang] = [],
            [Seeds.Xinyang] = ["中国人寿保险公司信阳分公司"], // 各试点县区政府… is a placeholder (GroupParties), not a unit
            [Seeds.Maoming] = ["茂名滨海新区、茂名高新区管委会"],
        };
        foreach (var (seed, expected) in unknown)
        {
            var plan = Seeds.Parse(seed);
            var directory = UnitDirectory.For(plan.Jurisdiction ?? "信阳市");
            var names = plan.Tasks.SelectMany(t => t.LeadUnits.Concat(t.CooperatingUnits)).Distinct();
            Assert.Equal(expected, names.Where(n => !directory.Resolve(n).IsKnown));
        }
    }
}
