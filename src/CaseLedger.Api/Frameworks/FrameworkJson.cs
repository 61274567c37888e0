using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CaseLedger.Api.Frameworks;

/// <summary>
/// How framework files are read. Strict on purpose: a misspelt or misplaced property would otherwise be
/// dropped silently and change what an inspection scores.
/// </summary>
public static class FrameworkJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// Duplicate properties are let through the parser so that <see cref="FrameworkDocumentRules"/> can name the
    /// element that holds them; the serializer options above refuse them too, as a backstop.
    /// </summary>
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };
}
