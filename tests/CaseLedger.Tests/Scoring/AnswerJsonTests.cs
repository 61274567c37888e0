namespace CaseLedger.Tests.Scoring;

public class AnswerJsonTests
{
    [Theory]
    [InlineData(Answer.Sufficient, "\"sufficient\"")]
    [InlineData(Answer.Insufficient, "\"insufficient\"")]
    [InlineData(Answer.NotApplicable, "\"not-applicable\"")]
    public void Answers_use_the_inspectors_words(Answer answer, string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(answer));
        Assert.Equal(answer, JsonSerializer.Deserialize<Answer>(json));
    }

    [Fact]
    public void Scope_kinds_are_lower_case() =>
        Assert.Equal("\"criterion\"", JsonSerializer.Serialize(ScopeKind.Criterion));
}
