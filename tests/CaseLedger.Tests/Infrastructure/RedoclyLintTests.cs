using Xunit.Abstractions;

namespace CaseLedger.Tests.Infrastructure;

[Collection(ApiCollection.Name)]
public sealed class RedoclyLintTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_served_document_has_no_error_under_Redocly_recommended_rules()
    {
        var file = Path.Combine(Path.GetTempPath(), $"caseledger-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.Host.OpenApiText());
        try
        {
            var problems = await Redocly.LintAsync(file);

            foreach (var warning in problems.Where(problem => problem.Severity != "error"))
                output.WriteLine($"warning: {warning}");
            var errors = problems.Where(problem => problem.Severity == "error").ToList();
            Assert.True(errors.Count == 0, $"{errors.Count} Redocly errors:\n{string.Join("\n", errors)}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
