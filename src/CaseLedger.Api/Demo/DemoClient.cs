using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseLedger.Api.Infrastructure;
using CaseLedger.Api.Inspections;
using CaseLedger.Api.Inspections.Judging;
using CaseLedger.Api.Inspections.Moderating;
using CaseLedger.Api.Inspections.Opening;
using CaseLedger.Api.Inspections.Sampling;
using CaseLedger.Api.Scoring;

namespace CaseLedger.Api.Demo;

/// <summary>
/// The API calls the demo load makes, exactly as any client makes them: the acting user's bearer token, the
/// commands' own request records as JSON bodies, a correlation id naming the step (so every event the demo appends
/// says which step of the load appended it), and a problem answer turned into an exception that quotes it.
/// </summary>
internal sealed class DemoClient(HttpClient http, string signingKey)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<(string User, string Role), string> tokens = [];

    public async Task<InspectionSummary?> FindInspection(Guid id, Actor lead, CancellationToken cancellation)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/inspections/{id}", lead, null, $"demo-read-{id}", cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccess(response, cancellation);
        return await response.Content.ReadFromJsonAsync<InspectionSummary>(Json, cancellation);
    }

    public async Task<IReadOnlyDictionary<Guid, int>> JudgementVersions(Guid id, Actor lead, CancellationToken cancellation)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/inspections/{id}/judgements", lead, null, $"demo-read-{id}", cancellation);
        await EnsureSuccess(response, cancellation);
        var judgements = await response.Content.ReadFromJsonAsync<List<JudgementView>>(Json, cancellation) ?? [];
        return judgements.ToDictionary(judgement => judgement.Id, judgement => judgement.Version);
    }

    public static OpenInspection Opening(DemoInspection inspection, int frameworkVersion) => new(
        inspection.Id,
        inspection.FrameworkId,
        frameworkVersion,
        new OpenInspection.YotInput(inspection.Yot.Code, null, null),
        inspection.Title,
        [.. inspection.FieldworkWeeks.Select((starts, index) => new OpenInspection.WeekInput(index + 1, starts))],
        [.. inspection.Team.Select(member => new OpenInspection.MemberInput(member.UserId, member.Role))]);

    public static AddCase Adding(SampledCase @case) => new(
        @case.Id, @case.Reference, @case.SentenceType, @case.Setting, @case.AgeAtStart, @case.Gender, @case.Ethnicity,
        @case.RiskOfHarm, @case.Status);

    public static RecordJudgementBatch Batch(IEnumerable<ScriptedJudgement> judgements) => new(
        [.. judgements.Select(judgement => new JudgementInput(
            judgement.Id, judgement.CaseId, judgement.QuestionId, AnswerName(judgement.Answer), judgement.Reasons, null))]);

    public static object Change(ScriptedChange change, int expectedVersion) => change.IsModeration
        ? new ModerateJudgement(AnswerName(change.Answer), change.Reasons, change.Text, expectedVersion)
        : new ReviseJudgement(AnswerName(change.Answer), change.Reasons, change.Text, expectedVersion);

    private static string AnswerName(Answer answer) => JsonSerializer.Serialize(answer, Json).Trim('"');

    public async Task Post(string path, Actor actor, object? body, string step, CancellationToken cancellation)
    {
        using var response = await SendAsync(HttpMethod.Post, path, actor, body, step, cancellation);
        await EnsureSuccess(response, cancellation);
    }

    public async Task Put(string path, Actor actor, object body, string step, CancellationToken cancellation)
    {
        using var response = await SendAsync(HttpMethod.Put, path, actor, body, step, cancellation);
        await EnsureSuccess(response, cancellation);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, Actor actor, object? body, string step, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        request.Headers.Authorization = new("Bearer", Token(actor));
        request.Headers.Add(CorrelationIds.Header, step);
        return await http.SendAsync(request, cancellation);
    }

    private string Token(Actor actor)
    {
        if (!tokens.TryGetValue((actor.UserId, actor.Role), out var token))
            tokens[(actor.UserId, actor.Role)] = token = DevelopmentTokens.Issue(signingKey, actor.UserId, actor.Role);
        return token;
    }

    private static async Task EnsureSuccess(HttpResponseMessage response, CancellationToken cancellation)
    {
        if (response.IsSuccessStatusCode) return;
        var problem = await response.Content.ReadAsStringAsync(cancellation);
        throw new DemoLoadException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {problem}");
    }
}

public sealed class DemoLoadException(string message) : Exception(message);
