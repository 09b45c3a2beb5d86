namespace YiyangTasks.PlanImport.Tests;

/// <summary>Unit lists split without breaking names; every written name resolves to one canonical unit or is reported unknown.</summary>
public class UnitSpecs
{
    [Theory]
    [InlineData("县卫健委、县民政局", new[] { "县卫健委", "县民政局" })]
    [InlineData("市人力资源和社会保障局和市民政局", new[] { "市人力资源和社会保障局", "市民政局" })]
    [InlineData("发展和改革委员会、住房和城乡建设局及其他部门", new[] { "发展和改革委员会", "住房和城乡建设局", "其他部门" })]
    [InlineData("市财政局、民政局和各县区政府、各管理区、开发区", new[] { "市财政局", "民政局", "各县区政府、各管理区、开发区" })]
    [InlineData("各区、县级市人民政府，茂名滨海新区", new[] { "各区、县级市人民政府", "茂名滨海新区" })]
    [InlineData("市工业和信息化局，市教育局", new[] { "市工业和信息化局", "市教育局" })]
    public void Lists_split_on_separators_but_not_inside_names(string list, string[] units) =>
        Assert.Equal(units, UnitListSplitter.Split(list));

    [Theory]
    [InlineData("鄢陵县", "卫健委", "县卫健委")]
    [InlineData("鄢陵县", "县卫健委", "县卫健委")]
    [InlineData("鄢陵县", "卫生健康委员会", "县卫健委")]
    [InlineData("鄢陵县", "县卫生健康局", "县卫健委")]
    [InlineData("鄢陵县", "鄢陵县卫生健康委员会", "县卫健委")]
    [InlineData("信阳市", "卫生计生委", "市卫健委")]
    [InlineData("信阳市", "市发展改革委", "市发改委")]
    [InlineData("信阳市", "国土资源局", "市自然资源局")]
    [InlineData("茂名市", "茂名市人力资源和社会保障局", "市人社局")]
    [InlineData("浔阳区", "区医保局", "区医保局")]
    public void Names_resolve_to_the_jurisdictions_canonical_unit(string jurisdiction, string written, string canonical) =>
        Assert.Equal(canonical, UnitDirectory.For(jurisdiction).Resolve(written).Unit?.Name);

    [Fact]
    public void Party_organs_and_unknown_names_are_not_guessed_and_groups_stand_for_themselves()
    {
        var directory = UnitDirectory.For("鄢陵县");
        Assert.Null(directory.Resolve("县委深改办").Unit);
        Assert.Null(directory.Resolve("某某公司").Unit);
        var group = directory.Resolve("各镇政府").Unit!;
        Assert.True(group.IsGroup);
        Assert.Equal("各镇政府", group.Name);
        var extended = directory.With(new CanonicalUnit("县委深改办", ["深改办"], false));
        Assert.Equal("县委深改办", extended.Resolve("深改办").Unit?.Name);
    }

    [Fact]
    public void Parsing_with_a_directory_resolves_names_and_warns_about_unknown_units()
    {
        var plan = PlanDocumentParser.Parse("1、建立机制。（责任单位：卫健委、县委深改办）", UnitDirectory.For("鄢陵县"));
        Assert.Equal(["县卫健委", "县委深改办"], plan.Tasks[0].LeadUnits);
        var warning = Assert.Single(plan.Warnings, w => w.Code == "unknown-unit");
        Assert.Equal(1, warning.Line);
        Assert.Contains("县委深改办", warning.Message);
    }
}
