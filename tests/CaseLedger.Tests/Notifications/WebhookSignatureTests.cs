using CaseLedger.Api.Notifications.Deliveries;

namespace CaseLedger.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    // The example of the Standard Webhooks specification: its secret, message id, timestamp and payload give
    // this signature, so any receiver's library agrees with ours.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Payload = """{"test": 2432232314}""";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void The_specification_example_signs_as_the_specification_says() =>
        Assert.Equal(Expected, WebhookSignature.Sign(Secret, Id, Timestamp, Payload));

    [Fact]
    public void A_signature_checks_out_with_its_secret_among_others_and_an_edit_anywhere_fails_it()
    {
        Assert.True(WebhookSignature.Verify(Secret, Id, Timestamp, Payload, $"v1,bm90IHRoaXMgb25l {Expected}"));
        Assert.False(WebhookSignature.Verify(Secret, Id, Timestamp, Payload.Replace("2432232314", "2432232315"), Expected));
        Assert.False(WebhookSignature.Verify(Secret, Id + "x", Timestamp, Payload, Expected));
        Assert.False(WebhookSignature.Verify(Secret, Id, Timestamp + 1, Payload, Expected));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), Id, Timestamp, Payload, Expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")]
    public void What_is_not_a_secret_of_24_to_64_bytes_is_refused(string? secret) => Assert.Null(WebhookSignature.KeyOf(secret));

    [Fact]
    public void A_made_secret_is_whsec_and_32_random_bytes()
    {
        var secret = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, WebhookSignature.KeyOf(secret)!.Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }
}
