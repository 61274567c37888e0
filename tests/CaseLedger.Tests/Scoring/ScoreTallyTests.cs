namespace CaseLedger.Tests.Scoring;

public class ScoreTallyTests
{
    private readonly ScoringScheme scheme = ScoringScheme.From(TestFrameworks.Small());

    [Fact]
    public void Recording_revising_and_removing_move_the_counts()
    {
        var tally = new ScoreTally(scheme);

        tally.Apply("1.1.b", null, Answer.Sufficient);
        tally.Apply("1.1.a", null, Answer.Insufficient);
        tally.Apply("1.1.a", Answer.Insufficient, Answer.NotApplicable);
        tally.Apply("1.1.c", null, Answer.Insufficient);
        tally.Apply("1.1.c", Answer.Insufficient, null);

        Assert.Equal(new ScopeCounts(1, 0, 1), tally.CountsOf(scheme.GetScope(ScopeKind.Criterion, "1.1")));
        Assert.Equal(new ScopeCounts(1, 0, 1), tally.CountsOf(scheme.GetScope(ScopeKind.Theme, "risk")));
        Assert.Equal(new ScopeCounts(1, 0, 0), tally.CountsOf(scheme.GetScope(ScopeKind.Theme, "safety")));
        Assert.Equal(100, tally.ScoreOf(ScopeKind.Section, "1").Score);
        Assert.Null(tally.ScoreOf(ScopeKind.Section, "2").Score);
    }

    [Fact]
    public void A_change_reports_the_scopes_it_touched()
    {
        var tally = new ScoreTally(scheme);

        var touched = tally.Apply("1.1.b", null, Answer.Sufficient);

        Assert.Equal(["risk", "safety", "1", "1.1"], touched.Select(scope => scope.Id));
    }

    [Fact]
    public void A_change_to_the_same_answer_touches_nothing()
    {
        var tally = new ScoreTally(scheme);
        tally.Apply("1.2.a", null, Answer.Sufficient);

        Assert.Empty(tally.Apply("1.2.a", Answer.Sufficient, Answer.Sufficient));
        Assert.Empty(tally.Apply("1.2.a", null, null));
        Assert.Equal(1, tally.CountsOf(scheme.GetScope(ScopeKind.Criterion, "1.2")).Sufficient);
    }

    [Fact]
    public void An_unknown_question_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new ScoreTally(scheme).Apply("x.y", null, Answer.Sufficient));
        Assert.Contains("'x.y'", error.Message);
    }

    [Fact]
    public void Taking_away_an_answer_that_was_never_counted_fails_and_changes_nothing()
    {
        var tally = new ScoreTally(scheme);
        tally.Apply("1.1.a", null, Answer.Sufficient);
        var before = tally.Scoreboard();

        // 1.1.b shares its criterion and the risk theme with 1.1.a, but safety has nothing to take away.
        Assert.Throws<InvalidOperationException>(() => tally.Apply("1.1.b", Answer.Sufficient, Answer.Insufficient));

        Assert.Equal(before.Scores, tally.Scoreboard().Scores);
    }

    [Fact]
    public void Applying_a_change_allocates_nothing()
    {
        var tally = new ScoreTally(scheme);
        tally.Apply("1.1.b", null, Answer.Sufficient);
        tally.Apply("1.1.b", Answer.Sufficient, null);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            tally.Apply("1.1.b", null, Answer.Sufficient);
            tally.Apply("1.1.b", Answer.Sufficient, Answer.Insufficient);
            tally.Apply("1.1.b", Answer.Insufficient, null);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_copy_a_snapshot_and_a_resumed_snapshot_each_follow_only_their_own_changes()
    {
        var tally = new ScoreTally(scheme);
        tally.Apply("2.2.a", null, Answer.Sufficient);
        var copy = tally.Copy();
        var snapshot = tally.Snapshot();
        var resumed = snapshot.Resume();

        tally.Apply("2.2.a", Answer.Sufficient, Answer.Insufficient);
        copy.Apply("2.2.a", null, Answer.Sufficient);
        resumed.Apply("2.2.a", null, Answer.NotApplicable);

        Assert.Equal(new ScopeCounts(0, 1, 0), tally.ScoreOf(ScopeKind.Criterion, "2.2").Counts);
        Assert.Equal(new ScopeCounts(2, 0, 0), copy.ScoreOf(ScopeKind.Criterion, "2.2").Counts);
        Assert.Equal(new ScopeCounts(1, 0, 0), snapshot.ScoreOf(ScopeKind.Criterion, "2.2").Counts);
        Assert.Equal(new ScopeCounts(1, 0, 1), resumed.ScoreOf(ScopeKind.Criterion, "2.2").Counts);
    }

    [Fact]
    public void A_scope_of_another_scheme_is_refused()
    {
        var other = ScoringScheme.From(TestFrameworks.Small() with { Id = "other" });

        Assert.Throws<ArgumentException>(() => new ScoreTally(scheme).CountsOf(other.Scopes[0] with { Title = "Elsewhere" }));
    }

    [Fact]
    public void A_tally_over_a_views_counts_moves_those_counts_and_no_copy()
    {
        var counts = new ScoreTally(scheme).ToCounts();
        var resumed = ScoreTally.FromCounts(scheme, counts);

        ScoreTally.Over(scheme, counts).Apply("1.1.a", null, Answer.Sufficient);

        Assert.Equal(new ScopeCounts(1, 0, 0), ScoreTally.FromCounts(scheme, counts).CountsOf(scheme.GetScope(ScopeKind.Criterion, "1.1")));
        Assert.Equal(new ScopeCounts(0, 0, 0), resumed.CountsOf(scheme.GetScope(ScopeKind.Criterion, "1.1")));
        Assert.Throws<ArgumentException>(() => ScoreTally.Over(scheme, [.. counts, 0]));
    }
}
