using CaseLedger.Api.Ledger.Canonical;

namespace CaseLedger.Tests.Ledger.Canonical;

/// <summary>
/// RFC 8785 Appendix B: IEEE 754 bit patterns and the text ECMAScript (and so JCS) writes for them, plus the
/// samples from cyberphone/json-canonicalization testdata/README.md (the file the RFC points to for numbers).
/// </summary>
public class EcmaNumberTests
{
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")] // minus zero
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")] // round to even
    [InlineData("4340000000000001", "9007199254740994")]
    [InlineData("4340000000000002", "9007199254740996")]
    public void Appendix_b_bit_patterns_are_written_as_ecmascript_writes_them(string ieee754, string expected) =>
        Assert.Equal(expected, EcmaNumber.Format(BitConverter.Int64BitsToDouble(Convert.ToInt64(ieee754, 16))));

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(123e-20, "1.23e-18")]
    [InlineData(0.1, "0.1")]
    [InlineData(100, "100")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(4.5, "4.5")]
    public void Exponents_appear_exactly_where_ecmascript_puts_them(double value, string expected) =>
        Assert.Equal(expected, EcmaNumber.Format(value));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Nan_and_the_infinities_are_refused(double value) =>
        Assert.Throws<ArgumentException>(() => EcmaNumber.Format(value));
}
