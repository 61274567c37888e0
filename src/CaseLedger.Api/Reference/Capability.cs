namespace CaseLedger.Api.Reference;

/// <summary>
/// What a reader of the API reference looks for, one OpenAPI tag each, in the order the reference lists them.
/// Endpoints name theirs with <c>[Tags(Capability.X)]</c>, so the document groups by what the API does rather than
/// by the C# class that happens to hold the endpoint.
/// </summary>
public static class Capability
{
    public const string Frameworks = "Frameworks";
    public const string Inspections = "Inspections";
    public const string Fieldwork = "Fieldwork";
    public const string Judgements = "Judgements";
    public const string Moderation = "Moderation";
    public const string QualityAssurance = "Quality assurance";
    public const string Ratings = "Ratings";
    public const string Scores = "Scores";
    public const string History = "History";
    public const string Audit = "Audit";
    public const string Ledger = "Ledger";
    public const string YotRegister = "YOT register";
    public const string Views = "YOT and theme views";
    public const string Feed = "Change feed";
    public const string Notifications = "Notifications";
    public const string Administration = "Administration";
    public const string Health = "Health";

    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        (Frameworks, "The inspection frameworks CaseLedger scores against: sections, criteria, questions, headline " +
            "themes and improvement bands. Any valid token may read them; they hold no case data."),
        (Inspections, "Open an inspection, add the cases of its sample, list and read inspections, and publish one. " +
            "Each inspection is one event stream; a publication freezes it."),
        (Fieldwork, "Open and close the fieldwork weeks of an inspection. Judgements are recorded while a week is " +
            "open; `week:N` points in time mean right after week N closed."),
        (Judgements, "Record judgements (one at a time or up to 5,000 all or nothing), revise them stating the " +
            "version seen, correct them after publication, and read them with their versions."),
        (Moderation, "A lead inspector moderates a judgement with a rationale; the moderation log shows each " +
            "moderation with its impact on every score and band it touched."),
        (Ratings, "Under a framework that rates standards: each case-sample standard rated by its lowest key question, " +
            "the lead's ratings of evidence standards (and of themes a person rates), overrides where the rules allow " +
            "them, and the overall rating from the standards' points. The scores read shows them all."),
        (QualityAssurance, "A lead draws seeded QA samples that anyone can redraw, and confirms or moderates each sampled " +
            "judgement. Inspector reliability follows: overturn rates with Wilson intervals, their direction and " +
            "their drift, per inspector, question and scope, within an inspection and across inspections. Never for reporting clients."),
        (Scores, "The scoreboard of an inspection (criterion, section and headline theme scores with counts, " +
            "band and Wilson interval), now or as it stood at any point in time; JSON or CSV."),
        (History, "What changed between two points in time: every score that moved and every judgement that " +
            "changed, and the whole history of one judgement."),
        (Audit, "The audit trail: an inspection's event log, paged, and replays that recount every score and check " +
            "the signed ledger agrees with the event store."),
        (Ledger, "The signed Merkle log every event is sealed into: signed tree heads, the public keys, inclusion " +
            "and consistency proofs, and an inspection's ledger export for offline verification."),
        (YotRegister, "The register of Youth Offending Teams, kept by an administrator: register, rename or move a " +
            "YOT, and read its history of changes."),
        (Views, "Read-only views across inspections for reporting: each YOT's inspections and score changes, and " +
            "each theme's scores across YOTs and regions; JSON or CSV."),
        (Feed, "What changed, in log order, paged by a stable cursor and able to wait for the next entry: " +
            "publications, corrections and register changes for reporting clients, every event for auditors."),
        (Notifications, "Webhooks: subscribe a URL to publications, corrections and register changes, and receive " +
            "signed deliveries, retried for more than a day, in order per inspection, with a delivery log and redelivery."),
        (Administration, "Operating the read side: how far each view is behind the events, and rebuilding views " +
            "from the events."),
        (Health, "Liveness and readiness for load balancers and orchestrators. No token needed."),
    ];
}
