using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace SalesCrm.Web.Infrastructure.OpenApi;

/// <summary>The list grammar's parameters, described once in <c>components/parameters</c> (see ADR 008 for the semantics).</summary>
public static class ListParameterComponents
{
    private const string Grammar = """
        Filters, one query parameter per condition, in PostgREST's grammar and with its meaning: `field=op.value`.
        Operators: `eq`, `neq`, `gt`, `gte`, `lt`, `lte`; `like` and `ilike` (case-insensitive) where `*` or `%` is any text,
        `_` one character and `\` escapes; `in.(a,"b,c")`; `is.null`, `is.true`, `is.false`; `cs.{a,b}` (a list such as
        `tags` contains all of them); `fts`, `plfts`, `phfts`, `wfts` (full-text search, optionally `fts(portuguese)`).
        Prefix `not.` negates: `status=not.eq.lost`. Logical groups combine conditions written `field.op.value`:
        `or=(value.gte.1000,priority.eq.urgent)`, `and=(…)`, nested (`or=(a.eq.1,and(b.gt.2,c.is.null))`) and negated
        (`not.or=(…)`). As in SQL, a comparison with an empty (null) field is never true, negated or not; only `is.null`
        matches it. An unknown field, operator or malformed value is a 400 naming it. Each list names its fields.
        """;

    /// <summary>Adds the shared list parameters to the document once.</summary>
    public static void AddTo(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        var parameters = document.Components.Parameters;
        if (parameters.ContainsKey(ListParametersTransformer.Filters)) return;
        parameters[ListParametersTransformer.Filters] = new OpenApiParameter
        {
            Name = "filters", In = ParameterLocation.Query, Style = ParameterStyle.Form, Explode = true, Description = Grammar,
            Schema = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } },
            Example = new JsonObject { ["status"] = "eq.open", ["value"] = "gte.1000", ["or"] = "(priority.eq.high,priority.eq.urgent)" },
        };
        parameters[ListParametersTransformer.Order] = Query("order", JsonSchemaType.String,
            "Sort keys separated by commas: `field`, `field.asc` or `field.desc`, optionally `.nullsfirst` or `.nullslast` (e.g. `value.desc,name.asc`).", "updated_at.desc");
        parameters[ListParametersTransformer.Limit] = Query("limit", JsonSchemaType.Integer, "Items per page: 50 by default, at most 500.", 50);
        parameters[ListParametersTransformer.Offset] = Query("offset", JsonSchemaType.Integer, "Items to skip (0 by default).", 0);
        parameters[ListParametersTransformer.Select] = Query("select", JsonSchemaType.String,
            "Fields to return, separated by commas (`*` for all); an unknown field is a 400.", "id,name,value");
        parameters[ListParametersTransformer.Search] = Query("q", JsonSchemaType.String,
            "Text search over name, e-mail, phone (any spelling) and company; case and accents are ignored.", "silva");
        parameters[ListParametersTransformer.PreferCount] = new OpenApiParameter
        {
            Name = "Prefer", In = ParameterLocation.Header, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Description = "`count=exact` adds the total to the `Content-Range` answer header (`0-49/1234`).", Example = "count=exact",
        };
    }

    private static OpenApiParameter Query(string name, JsonSchemaType type, string description, JsonNode example) => new()
    {
        Name = name, In = ParameterLocation.Query, Description = description, Schema = new OpenApiSchema { Type = type }, Example = example,
    };
}
