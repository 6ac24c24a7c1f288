namespace SalesCrm.Core.Workflows.Expressions;

/// <summary>What an ask-on-WhatsApp node expects; stored snake_case in the node's settings (<c>"validate": "email"</c>).</summary>
public enum AnswerType { Text, Name, Email, Phone, Number, Date, Option }
