namespace SalesCrm.Core.Copilot;

/// <summary>What a playbook section is for, read from its heading (<see cref="PlaybookText.RoleOf"/>).</summary>
public enum PlaybookSectionRole
{
    /// <summary>Anything else: arguments, next steps, FAQ answers, product facts.</summary>
    Other,

    /// <summary>What to say ("Resposta sugerida", "Script", "What to say"): its words are the reply.</summary>
    Answer,

    /// <summary>The customer's words or the situation ("Como o cliente costuma dizer", "Quando aparece"): the question, never the answer.</summary>
    CustomerWords,

    /// <summary>What the rep must not do ("O que não fazer"): never a reply.</summary>
    DoNot,
}
