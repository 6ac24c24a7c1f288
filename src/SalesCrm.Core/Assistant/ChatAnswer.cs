namespace SalesCrm.Core.Assistant;

/// <summary>
/// <c>POST /api/v1/chat</c>'s answer: the sentence, every figure in it (each from a query), the leads listed when the question
/// asked for them, and the query run (<c>null</c> when the question was not understood: then <see cref="Answer"/> says which
/// questions can be answered and there are no figures). <see cref="Origin"/>: <c>offline</c> (the parser) or <c>model</c>
/// (a chat model calling the analytics functions).
/// </summary>
public sealed record ChatAnswer(string Answer, IReadOnlyList<ChatFigure> Figures, IReadOnlyList<ChatLead>? Leads, ChatQuery? Query, string Origin)
{
    public bool Understood => Query is not null;
}
