using System.Text.Json;

namespace SalesCrm.Core.Workflows.Templates;

/// <summary>Builds a template's graph: nodes laid out left to right on a grid the canvas shows readably, and port-named edges.</summary>
internal sealed class TemplateGraph
{
    /// <summary>Horizontal and vertical distance between grid cells, in canvas pixels (a node widget is up to about 250 × 120, and a link label sits in the gap).</summary>
    public const double Column = 320, Row = 160;

    private readonly List<WorkflowNode> _nodes = [];
    private readonly List<WorkflowEdge> _edges = [];

    /// <summary>Adds a node at grid cell (<paramref name="column"/>, <paramref name="row"/>); null settings are left out.</summary>
    public TemplateGraph Node(string id, string type, int column, int row, object settings)
    {
        var element = JsonSerializer.SerializeToElement(settings, Options);
        _nodes.Add(new WorkflowNode(id, type, element, new NodePosition(40 + column * Column, 80 + row * Row)));
        return this;
    }

    public TemplateGraph Edge(string source, string target, string port = WorkflowNodeCatalog.Next)
    {
        _edges.Add(new WorkflowEdge(source, port, target));
        return this;
    }

    public WorkflowGraph Build() => new([.. _nodes], [.. _edges]);

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}
