namespace CaseLedger.Api.Infrastructure;

/// <summary>The roles a token's <c>role</c> claim may carry (DESIGN.md §6).</summary>
public static class Roles
{
    public const string Inspector = "inspector";
    public const string LeadInspector = "lead-inspector";
    public const string Auditor = "auditor";
    public const string ReportingClient = "reporting-client";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Inspector, LeadInspector, Auditor, ReportingClient, Admin];

    // Comma-separated role lists for [Authorize(Roles = ...)].
    public const string InspectionWriters = Inspector + "," + LeadInspector;
    public const string InspectionReaders = Inspector + "," + LeadInspector + "," + Auditor;
    public const string Leads = LeadInspector;
    /// <summary>Who may read the signed log (heads, keys, proofs): whoever must check a record later.</summary>
    public const string LedgerReaders = Auditor + "," + ReportingClient;
    /// <summary>Who may subscribe to webhooks: the programs that report, and the administrators who set them up.</summary>
    public const string Subscribers = ReportingClient + "," + Admin;
    /// <summary>Who may read the change feed: auditors all of it, reporting clients and the administrators who keep
    /// their subscriptions the notices.</summary>
    public const string FeedReaders = Auditor + "," + ReportingClient + "," + Admin;
    /// <summary>Who may read an inspector's reliability across inspections: auditors and administrators, and
    /// inspectors and leads their own.</summary>
    public const string ReliabilityReaders = Inspector + "," + LeadInspector + "," + Auditor + "," + Admin;
}
