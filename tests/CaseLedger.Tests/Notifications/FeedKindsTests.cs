using CaseLedger.Api.Notifications;
using CaseLedger.Api.Notifications.Feed;
using CaseLedger.Api.Yots;

namespace CaseLedger.Tests.Notifications;

/// <summary>What the feed calls each event, without a host: each event type is named on purpose, and exactly the
/// three notices reach reporting clients.</summary>
public sealed class FeedKindsTests
{
    private static readonly Answer Sufficient = Answer.Sufficient;

    public static TheoryData<object, string, bool> Events => new()
    {
        { new InspectionOpened(Guid.NewGuid(), "cci-2009", 1, new YotReference("a", "A", "London"), "t", [], []), "inspection.opened", false },
        { new CaseAddedToSample(new SampledCase(Guid.NewGuid(), "C01", "s", "community", null, null, null, null, "open")), "case.added", false },
        { new CaseRemovedFromSample(Guid.NewGuid(), "duplicate"), "case.removed", false },
        { new FieldworkWeekOpened(1), "week.opened", false },
        { new FieldworkWeekClosed(1), "week.closed", false },
        { new JudgementRecorded(Guid.NewGuid(), Guid.NewGuid(), "1.1.a", Sufficient, [], null), "judgement.recorded", false },
        { new JudgementRevised(Guid.NewGuid(), Guid.NewGuid(), "1.1.a", Sufficient, Sufficient, [], null, 2), "judgement.revised", false },
        { new JudgementModerated(Guid.NewGuid(), Guid.NewGuid(), "1.1.a", Sufficient, Sufficient, [], "r", 2), "judgement.moderated", false },
        { new InspectionPublished(Guid.NewGuid()), NoticeKinds.InspectionPublished, true },
        { new PublishedJudgementCorrected(Guid.NewGuid(), Guid.NewGuid(), "1.1.a", Sufficient, Sufficient, [], "r", 2), NoticeKinds.JudgementCorrected, true },
        { new YotRegistered("a", "A", "London"), NoticeKinds.YotChanged, true },
        { new YotChanged("a", "A", "London", "B", "London"), NoticeKinds.YotChanged, true },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Each_event_has_its_kind_and_only_notices_reach_reporting_clients(object data, string kind, bool notice)
    {
        Assert.Equal(kind, FeedKinds.Of(data));
        Assert.Equal(notice ? kind : null, NoticeKinds.Of(data));
    }

    [Fact]
    public void An_event_type_without_a_name_gets_a_dotted_one()
    {
        Assert.Equal("theme.rating.recorded", FeedKinds.Of(new ThemeRatingRecorded()));
    }

    private sealed record ThemeRatingRecorded;
}
