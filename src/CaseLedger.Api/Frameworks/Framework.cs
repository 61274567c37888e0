namespace CaseLedger.Api.Frameworks;

/// <summary>
/// One inspection programme's question set at one version: sections (or themes) hold general criteria, criteria
/// hold scoring questions. Headline themes are scored over the key questions that name them. A framework that
/// rates standards (<see cref="Ratings"/>) says how its scores become ratings.
/// Loaded from a data file under Frameworks/Data and validated before the host starts.
/// </summary>
public sealed record Framework(
    string Id,
    int Version,
    string Name,
    string Source,
    IReadOnlyList<ReasonCode> ReasonCodes,
    IReadOnlyList<HeadlineTheme> Themes,
    IReadOnlyList<Section> Sections,
    Banding Banding,
    RatingRules? Ratings = null);

public sealed record ReasonCode(string Id, string Label);

/// <summary>
/// A headline theme. Scored over the questions whose <see cref="Question.KeyFor"/> names it, unless
/// <see cref="JudgedBy"/> says a person rates it instead (FJI governance is rated by the lead inspector).
/// </summary>
public sealed record HeadlineTheme(string Id, string Title, string? JudgedBy = null);

public sealed record Section(string Id, string Title, IReadOnlyList<Criterion> Criteria);

public sealed record Criterion(string Id, string Title, IReadOnlyList<Question> Questions);

public sealed record Question(
    string Id,
    string Text,
    IReadOnlyList<string> KeyFor,
    IReadOnlyList<string> ReasonCodes,
    Applicability? AppliesTo = null,
    string? Source = null,
    IReadOnlyList<string>? Prompts = null);

/// <summary>Which cases a question applies to; a null list places no limit on that attribute.</summary>
public sealed record Applicability(
    IReadOnlyList<string>? Settings = null,
    IReadOnlyList<string>? SentenceTypes = null,
    IReadOnlyList<string>? RiskOfHarm = null);

/// <summary>
/// The rule from a whole-number score (rounded half up) to a comment. Bands are inclusive integer ranges
/// that must cover 0–100 with no gap or overlap.
/// </summary>
public sealed record Banding(string Provenance, IReadOnlyList<Band> Bands);

public sealed record Band(string Id, string Label, int From, int To);
