namespace YiyangTasks.PlanImport.Tests;

/// <summary>Unit lists split on 、，, 和 及 without breaking the names that hold them.</summary>
public class UnitListSplitterTests
{
    [Theory]
    [InlineData("市民政局、卫生计生委、中医管理局", new[] { "市民政局", "卫生计生委", "中医管理局" })]
    [InlineData("县人力资源和社会保障局、县发展和改革委员会", new[] { "县人力资源和社会保障局", "县发展和改革委员会" })]
    [InlineData("住房和城乡建设局和自然资源局", new[] { "住房和城乡建设局", "自然资源局" })]
    [InlineData("市工业和信息化委及市科技局", new[] { "市工业和信息化委", "市科技局" })]
    [InlineData("市财政局，市民政局,市税务局", new[] { "市财政局", "市民政局", "市税务局" })]
    [InlineData("市民政局和各县区政府、各管理区、开发区", new[] { "市民政局", "各县区政府、各管理区、开发区" })]
    [InlineData("各区、县级市人民政府，茂名滨海新区、茂名高新区管委会", new[] { "各区、县级市人民政府", "茂名滨海新区、茂名高新区管委会" })]
    [InlineData("各县（市、区）人民政府、市卫健委", new[] { "各县（市、区）人民政府", "市卫健委" })]
    [InlineData("中国人寿保险公司信阳分公司和各县区政府", new[] { "中国人寿保险公司信阳分公司", "各县区政府" })]
    [InlineData("市卫健委等有关单位", new[] { "市卫健委" })]
    public void Lists_split_into_whole_unit_names(string list, string[] names)
    {
        Assert.Equal(names, UnitListSplitter.Split(list));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("、，")]
    public void An_empty_list_names_no_unit(string list)
    {
        Assert.Empty(UnitListSplitter.Split(list));
    }
}
