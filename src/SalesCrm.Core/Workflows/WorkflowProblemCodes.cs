namespace SalesCrm.Core.Workflows;

/// <summary>The stable codes of <see cref="WorkflowProblem"/>; the designer keys its badges and texts on them.</summary>
public static class WorkflowProblemCodes
{
    public const string UnknownNodeType = "unknown_node_type";
    /// <summary>A setting the node's schema requires is absent.</summary>
    public const string MissingSetting = "missing_setting";
    /// <summary>A setting is present but fails its schema or its meaning (a bad cron, filter, duration or event type).</summary>
    public const string InvalidSetting = "invalid_setting";
    /// <summary>An edge from or to a node that is not in the graph.</summary>
    public const string DanglingEdge = "dangling_edge";
    /// <summary>An edge leaves a port the node's type does not declare.</summary>
    public const string UnknownPort = "unknown_port";
    /// <summary>One output port is linked to more than one node (a run follows one path).</summary>
    public const string PortHasManyTargets = "port_has_many_targets";
    public const string NoTrigger = "no_trigger";
    /// <summary>An edge enters a trigger; triggers only start runs.</summary>
    public const string TriggerHasInput = "trigger_has_input";
    public const string UnreachableNode = "unreachable_node";
    /// <summary>A loop whose every path back passes no delay, wait_for_event or ask_whatsapp: it would spin without pause.</summary>
    public const string CycleWithoutWait = "cycle_without_wait";
    /// <summary>An output port the type requires to be linked (a trigger's next, a condition's true) is not.</summary>
    public const string UnconnectedPort = "unconnected_port";
    /// <summary>A setting names a stage, member, template or workflow this workspace does not have (e.g. after an import).</summary>
    public const string UnknownReference = "unknown_reference";
}
