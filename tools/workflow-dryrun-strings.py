#!/usr/bin/env python3
"""The workflow dry run's strings (the sentences of POST /api/v1/workflows/{id}/dry-run and the designer's panel):
pt-BR (the neutral resource) and English. Run `python3 tools/workflow-dryrun-strings.py` from the repository root after
editing to regenerate src/SalesCrm.Web/Resources/WorkflowDryRunResource*.resx. Keys match Core's DryRunPhrases."""
from resx import write_resx
S = {
 # sentences (Core's DryRunPhrases keys)
 "Trigger": ("Inicia a execução ({0})", "Starts the run ({0})"),
 "ConditionTrue": ("{0} vale: segue por “sim”", "{0} holds: goes on “yes”"),
 "ConditionFalse": ("{0} não vale: segue por “não”", "{0} does not hold: goes on “no”"),
 "SwitchCase": ("{0} escolheu “{1}”", "{0} chose “{1}”"),
 "NoLink": ("Nada ligado a “{0}”: a execução terminaria aqui", "Nothing is linked to “{0}”: the run would end here"),
 "Assumed": ("Supondo “{0}” (das respostas)", "Assumed “{0}” (from answers)"),
 "AssumedDefault": ("Supondo o resultado principal “{0}”; escolha outro nas respostas", "Assumed the main outcome “{0}”; pass answers to try another"),
 "ReplyValid": ("Resposta “{0}” aceita", "Reply “{0}” accepted"),
 "ReplyInvalid": ("Resposta “{0}” inválida ({1})", "Reply “{0}” is invalid ({1})"),
 "StepLimit": ("Parou depois de {0} passos: o caminho dá voltas", "Stopped after {0} steps: the path loops"),
 "TriggerFilter": ("O filtro do gatilho {0} não vale para este lead: um evento {1} não iniciaria esta automação", "The trigger's filter {0} does not hold for this lead: a {1} event would not start this workflow"),
 "Paused": ("A automação está desligada; foi percorrida a versão publicada", "The workflow is switched off; its published version was walked"),
 "NodeWarning": ("{0}: {1}", "{0}: {1}"),
 "Delay": ("Esperaria {0}", "Would wait {0}"),
 "DelayUntil": ("Esperaria até {0}", "Would wait until {0}"),
 "WaitForEvent": ("Aguardaria {0} (por até {1})", "Would wait for {0} (up to {1})"),
 "AskWhatsApp": ("Perguntaria no WhatsApp: “{0}”", "Would ask on WhatsApp: “{0}”"),
 "AiReply": ("Responderia ao lead pela base de conhecimento", "Would answer the lead from the knowledge base"),
 "Handoff": ("Transferiria a conversa para uma pessoa", "Would hand the conversation to a person"),
 "MoveStage": ("Moveria o card para a etapa {0}", "Would move the card to the stage {0}"),
 "AssignUser": ("Atribuiria o lead a {0}", "Would assign the lead to {0}"),
 "AssignRoundRobin": ("Atribuiria o lead em rodízio", "Would assign the lead by round robin"),
 "SetField": ("Definiria {0} como “{1}”", "Would set {0} to “{1}”"),
 "AddTag": ("Adicionaria a etiqueta “{0}”", "Would add the tag “{0}”"),
 "CreateActivity": ("Criaria a atividade “{0}”", "Would create the activity “{0}”"),
 "AddNote": ("Adicionaria a nota “{0}”", "Would add the note “{0}”"),
 "SendWhatsAppText": ("Enviaria no WhatsApp: “{0}”", "Would send on WhatsApp: “{0}”"),
 "SendWhatsAppTemplate": ("Enviaria o modelo de WhatsApp {0}", "Would send the WhatsApp template {0}"),
 "SendEmail": ("Enviaria um e-mail para {0}: “{1}”", "Would e-mail {0}: “{1}”"),
 "LeadEmail": ("o lead", "the lead"),
 "HttpRequest": ("Chamaria {0} {1}", "Would call {0} {1}"),
 "EmitEvent": ("Emitiria o evento {0}", "Would emit the event {0}"),
 "RecalculateScore": ("Recalcularia a pontuação do lead", "Would recalculate the lead's score"),
 "CallWorkflow": ("Iniciaria a automação {0}", "Would start the workflow {0}"),
 "Unknown": ("Executaria o passo {0}", "Would run the step {0}"),
 "Day1": ("1 dia", "1 day"), "Days": ("{0} dias", "{0} days"), "Hour1": ("1 hora", "1 hour"), "Hours": ("{0} horas", "{0} hours"),
 "Minute1": ("1 minuto", "1 minute"), "Minutes": ("{0} minutos", "{0} minutes"),
 # designer panel
 "UI_Test": ("Testar com um lead", "Test with a lead"),
 "UI_Title": ("Teste com um lead (sem efeitos)", "Test with a lead (no side effects)"),
 "UI_PickLead": ("Lead", "Lead"), "UI_PickLeadHelp": ("Digite o nome, e-mail ou telefone", "Type a name, e-mail or phone"),
 "UI_Run": ("Testar o rascunho", "Test the draft"), "UI_Running": ("Testando…", "Testing…"),
 "UI_Close": ("Fechar o teste", "Close the test"),
 "UI_Actions": ("O que faria, em ordem", "What it would do, in order"),
 "UI_NoActions": ("Nenhuma ação neste caminho.", "No action on this path."),
 "UI_Path": ("Caminho", "Path"), "UI_Warnings": ("Avisos", "Warnings"),
 "UI_StoppedAt": ("Parou em {0}", "Stopped at {0}"),
 "UI_Cleared": ("O desenho mudou: teste de novo.", "The canvas changed: test again."),
 "UI_Invalid": ("Corrija os problemas antes de testar.", "Fix the problems before testing."),
}
write_resx("WorkflowDryRunResource", S)
print(len(S))
