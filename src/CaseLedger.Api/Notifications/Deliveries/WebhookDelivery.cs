namespace CaseLedger.Api.Notifications.Deliveries;

/// <summary>
/// One notice on its way to one subscription: enrolled in the transaction that appended its event, with the body
/// it will always carry, and every attempt made. Its id is the <c>webhook-id</c> a receiver sees on every attempt.
/// Deliveries of one stream (an inspection, a YOT) reach a subscription in the stream's order: a delivery waits
/// while an earlier one of its stream is unfinished.
/// </summary>
public sealed record WebhookDelivery
{
    public required Guid Id { get; init; }

    public required Guid SubscriptionId { get; init; }

    public required string Kind { get; init; }

    /// <summary>The stream whose order the delivery keeps, and its event's version there.</summary>
    public required Guid StreamId { get; init; }

    public required long StreamVersion { get; init; }

    public Guid? InspectionId { get; init; }

    public required string Yot { get; init; }

    public required string Body { get; init; }

    public required DateTimeOffset EnrolledAt { get; init; }

    public DeliveryState State { get; init; } = DeliveryState.Pending;

    /// <summary>Which message may act on the delivery: every new one (a retry, a wake, a redelivery) takes the
    /// next ticket, so a message overtaken by another is recognised and dropped.</summary>
    public int Ticket { get; init; } = 1;

    public IReadOnlyList<DeliveryAttempt> Attempts { get; init; } = [];

    /// <summary>Failed attempts since the delivery last started (enrolment or a redelivery).</summary>
    public int FailuresSinceStart { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>What the log says beside the attempts: waiting for an earlier delivery, held, given up, disabled.</summary>
    public string? Note { get; init; }

    public string WebhookId => $"msg_{Id:N}";

    public bool Finished => State is DeliveryState.Delivered or DeliveryState.Failed;
}

public enum DeliveryState
{
    /// <summary>Enrolled or scheduled for its next attempt.</summary>
    Pending,
    /// <summary>An earlier delivery of its stream is unfinished; that one wakes it when it finishes.</summary>
    Waiting,
    /// <summary>Its subscription is disabled; a redelivery re-enables it and sends what was held.</summary>
    Held,
    Delivered,
    /// <summary>Every retry failed; later deliveries of its stream went on.</summary>
    Failed,
}

/// <summary>One POST to the receiver: when, how long it took, and what came back (a status, or why none did).</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, double DurationMs, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
