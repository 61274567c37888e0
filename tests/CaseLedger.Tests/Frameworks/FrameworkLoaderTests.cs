namespace CaseLedger.Tests.Frameworks;

public sealed class FrameworkLoaderTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("caseledger-frameworks-");

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public void Two_files_with_the_same_framework_id_and_version_are_refused()
    {
        Write("minimal-1.json", MinimalFramework.Json);
        Write("minimal-copy.json", MinimalFramework.Json);

        var refusal = Assert.Throws<FrameworkValidationException>(() => FrameworkLoader.Load(directory.FullName));

        Assert.Contains("minimal-1.json, minimal-copy.json: framework 'minimal' version 1 is declared in 2 files", refusal.Message);
    }

    [Fact]
    public void Versions_of_one_framework_live_side_by_side_and_the_latest_is_the_highest()
    {
        Write("minimal-1.json", MinimalFramework.Json);
        Write("minimal-2.json", MinimalFramework.Json.Replace("\"version\": 1,", "\"version\": 2,"));

        var catalog = FrameworkLoader.Load(directory.FullName);

        Assert.Equal([1, 2], catalog.All.Select(framework => framework.Version));
        Assert.Equal(1, catalog.Find("minimal", 1)?.Version);
        Assert.Equal(2, catalog.Latest("minimal")?.Version);
        Assert.Equal(2, catalog.Resolve("minimal", null)?.Version);
        Assert.Null(catalog.Find("minimal", 3));
        Assert.Null(catalog.Latest("unknown"));
    }

    [Fact]
    public void Problems_in_every_file_are_reported_together()
    {
        Write("broken-json.json", "{ \"id\": ");
        Write("minimal-1.json", MinimalFramework.Json.Replace("\"keyFor\": [\"safeguarding\"]", "\"keyFor\": [\"nowhere\"]"));

        var refusal = Assert.Throws<FrameworkValidationException>(() => FrameworkLoader.Load(directory.FullName));

        Assert.Contains("broken-json.json: malformed JSON at line 1", refusal.Message);
        Assert.Contains("minimal-1.json: question '1.1.a' is key for headline theme 'nowhere'", refusal.Message);
        Assert.Contains("minimal-1.json: question '1.2.a' is key for headline theme 'nowhere'", refusal.Message);
    }

    [Fact]
    public void Files_other_than_json_are_ignored()
    {
        Write("minimal-1.json", MinimalFramework.Json);
        Write("README.md", "not a framework");

        Assert.Single(FrameworkLoader.Load(directory.FullName).All);
    }

    [Fact]
    public void A_missing_directory_is_refused_naming_it()
    {
        var missing = Path.Combine(directory.FullName, "absent");

        var refusal = Assert.Throws<FrameworkValidationException>(() => FrameworkLoader.Load(missing));

        Assert.Contains($"framework directory '{missing}' does not exist", refusal.Message);
    }

    [Fact]
    public void A_directory_without_frameworks_is_refused()
    {
        var refusal = Assert.Throws<FrameworkValidationException>(() => FrameworkLoader.Load(directory.FullName));

        Assert.Contains("holds no *.json files", refusal.Message);
    }

    private void Write(string fileName, string content) => File.WriteAllText(Path.Combine(directory.FullName, fileName), content);
}
