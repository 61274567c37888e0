namespace CaseLedger.Api.Notifications.Feed;

/// <summary>
/// What a caller's feed holds. Auditors read everything, as they read every inspection's event log; reporting
/// clients read the notices (<see cref="NoticeKinds"/>), each about a published record or the public register, so
/// nothing before publication reaches them (as <see cref="Inspections.Reading.Reach"/> rules for every other read);
/// administrators read the same notices, because the subscriptions they manage deliver exactly those.
/// </summary>
public enum FeedAudience
{
    Notices,
    Everything,
}

public static class FeedAudiences
{
    public static FeedAudience Of(Actor actor) => actor.IsAuditor ? FeedAudience.Everything : FeedAudience.Notices;
}
