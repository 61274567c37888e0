using System.Text;
using System.Text.Json.Nodes;
using CaseLedger.Api.Ledger.Canonical;

namespace CaseLedger.Tests.Ledger.Canonical;

/// <summary>
/// RFC 8785's own examples, as bytes. Inputs and expected outputs are the RFC's (§3.2.2 and §3.2.3, whose UTF-8
/// is printed in the RFC and in cyberphone/json-canonicalization testdata/outhex/values.txt and weird.txt).
/// </summary>
public class CanonicalJsonTests
{
    private static byte[] Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CanonicalJson.Serialize(document.RootElement);
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(string.Concat(hex.Where(char.IsAsciiHexDigit)));

    [Fact]
    public void The_section_3_2_2_sample_gives_the_rfc_bytes()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        var expected = Hex("""
            7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61 6c 73 65 5d 2c 22 6e
            75 6d 62 65 72 73 22 3a 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31 65 2b 33 30
            2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24
            5c 75 30 30 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
            """);

        Assert.Equal(expected, Canonical(input));
        Assert.Equal("""{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""",
            Encoding.UTF8.GetString(Canonical(input)));
    }

    [Fact]
    public void The_section_3_2_3_sorting_sample_orders_names_by_utf16_code_units()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\u000a": "Newline",
              "1": "One",
              "\u0080": "Control\u007f",
              "\ud83d\ude02": "Smiley",
              "\u00f6": "Latin Small Letter O With Diaeresis",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "</script>": "Browser Challenge"
            }
            """;
        // 😂 (U+1F602, surrogates D83D DE02) sorts before דּ (U+FB33): by UTF-16 code units, not code points.
        var expected = Hex("""
            7b 22 5c 6e 22 3a 22 4e 65 77 6c 69 6e 65 22 2c 22 5c 72 22 3a 22 43 61 72 72 69 61 67 65 20 52
            65 74 75 72 6e 22 2c 22 31 22 3a 22 4f 6e 65 22 2c 22 3c 2f 73 63 72 69 70 74 3e 22 3a 22 42 72
            6f 77 73 65 72 20 43 68 61 6c 6c 65 6e 67 65 22 2c 22 c2 80 22 3a 22 43 6f 6e 74 72 6f 6c 7f 22
            2c 22 c3 b6 22 3a 22 4c 61 74 69 6e 20 53 6d 61 6c 6c 20 4c 65 74 74 65 72 20 4f 20 57 69 74 68
            20 44 69 61 65 72 65 73 69 73 22 2c 22 e2 82 ac 22 3a 22 45 75 72 6f 20 53 69 67 6e 22 2c 22 f0
            9f 98 82 22 3a 22 53 6d 69 6c 65 79 22 2c 22 ef ac b3 22 3a 22 48 65 62 72 65 77 20 4c 65 74 74
            65 72 20 44 61 6c 65 74 20 57 69 74 68 20 44 61 67 65 73 68 22 7d
            """);

        Assert.Equal(expected, Canonical(input));
    }

    [Theory]
    [InlineData("""[56,{"d":true,"10":null,"1":[ ]}]""", """[56,{"1":[],"10":null,"d":true}]""")]
    [InlineData("""{"peach":1,"péché":2,"pêche":3,"sin":4}""", """{"peach":1,"péché":2,"pêche":3,"sin":4}""")]
    [InlineData("""{"1":{"f":{"f":"hi","F":5},"\n":56.0},"10":{},"":"empty","a":{},"111":[{"e":"yes","E":"no"}],"A":{}}""",
        """{"":"empty","1":{"\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{"E":"no","e":"yes"}],"A":{},"a":{}}""")]
    [InlineData("""{"Unnormalized Unicode":"A\u030a"}""", "{\"Unnormalized Unicode\":\"A\u030a\"}")]
    public void The_reference_test_data_canonicalises_as_published(string input, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(Canonical(input)));

    [Theory]
    [InlineData("\"\\b\\f\\n\\r\\t\"", "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("\"\\u0000\\u001F\\u007F\"", "\"\\u0000\\u001f\u007f\"")]
    [InlineData("\"\\u2028\\u2029\\u00e9\\/\"", "\"\u2028\u2029é/\"")]
    public void Strings_escape_only_what_json_stringify_escapes(string input, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(Canonical(input)));

    // Whole numbers of up to fifteen digits are copied as written; the rest go through the double, as ECMAScript's do.
    [Theory]
    [InlineData("[0,-0,-5,123456789012345,-123456789012345]", "[0,0,-5,123456789012345,-123456789012345]")]
    [InlineData("[1234567890123456,12345678901234567890,10.0,1e2,-0.0]", "[1234567890123456,12345678901234567000,10,100,0]")]
    [InlineData("""["plain","é€😂","tab\tin",""]""", "[\"plain\",\"é€😂\",\"tab\\tin\",\"\"]")]
    public void Whole_numbers_and_plain_strings_keep_their_written_form_only_where_it_is_canonical(string input, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(Canonical(input)));

    [Fact]
    public void Duplicate_member_names_are_refused_even_when_spelt_differently()
    {
        var refused = Assert.Throws<ArgumentException>(() => Canonical("""{"a":1,"b":2,"\u0061":3}"""));
        Assert.Contains("\"a\" appears twice", refused.Message);
    }

    [Fact]
    public void Duplicate_plain_member_names_are_refused_too()
    {
        var refused = Assert.Throws<ArgumentException>(() => Canonical("""{"a":1,"b":{"c":1,"c":2}}"""));
        Assert.Contains("\"c\" appears twice", refused.Message);
    }

    [Theory]
    // Printable ASCII names are sorted by their bytes, which is their UTF-16 code units' order: digits, capitals, "_", small letters.
    [InlineData("""{"b":1,"B":2,"a_":3,"a":4,"10":5,"1":6,"A b":7}""", """{"1":6,"10":5,"A b":7,"B":2,"a":4,"a_":3,"b":1}""")]
    // One name outside plain ASCII sorts the whole object by code units, "\u00e9" (é) after "z".
    [InlineData("""{"z":1,"\u00e9":2,"a":{"y":1,"x":2}}""", """{"a":{"x":2,"y":1},"z":1,"é":2}""")]
    public void Members_are_sorted_by_the_code_units_of_their_names(string input, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(Canonical(input)));

    [Fact]
    public void A_lone_surrogate_is_refused() =>
        Assert.Throws<ArgumentException>(() => Canonical("""{"x":"\ud800"}"""));

    [Fact]
    public void Nodes_canonicalise_like_the_same_document()
    {
        var node = new JsonObject { ["b"] = 1.50, ["a"] = new JsonArray(true, null, "é") };
        Assert.Equal("""{"a":[true,null,"é"],"b":1.5}""", Encoding.UTF8.GetString(CanonicalJson.Serialize(node)));
        Assert.Equal("null", Encoding.UTF8.GetString(CanonicalJson.Serialize((JsonNode?)null)));
    }

    [Fact]
    public void A_node_holding_nan_is_refused() =>
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(new JsonObject { ["x"] = double.NaN }));

    [Fact]
    public void A_literal_beyond_the_double_range_is_refused() =>
        Assert.Throws<ArgumentException>(() => Canonical("[1e400]"));
}
