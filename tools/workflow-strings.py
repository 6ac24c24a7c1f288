#!/usr/bin/env python3
"""The workflow designer's UI strings, one line per key: pt-BR (the neutral resource) and English.
Run `python3 tools/workflow-strings.py` from the repository root after editing to regenerate
src/SalesCrm.Web/Resources/WorkflowsResource*.resx."""
from resx import write_resx
S = {
 "Workflows": ("Automações", "Workflows"),
 "Active": ("Ativo", "Active"), "Inactive": ("Inativo", "Inactive"), "Draft": ("Rascunho", "Draft"),
 "Add": ("Adicionar", "Add"), "AddNode": ("Adicionar um passo", "Add a step"),
 "BackToList": ("Voltar às automações", "Back to workflows"),
 "CanvasEmpty": ("Arraste um passo da paleta para cá, ou clique nele. Comece por um gatilho.", "Drag a step from the palette here, or click it. Start with a trigger."),
 "Connections": ("Ligações", "Connections"), "Create": ("Criar", "Create"), "Delete": ("Excluir", "Delete"),
 "DeleteQuestion": ("Excluir a automação \"{0}\" e suas versões?", "Delete the workflow \"{0}\" and its versions?"),
 "DeleteSelection": ("Excluir a seleção (Delete)", "Delete the selection (Delete)"),
 "EmptyTitle": ("Nenhuma automação ainda", "No workflows yet"),
 "EmptyText": ("Dê um nome acima e clique em Criar para desenhar a primeira, ou importe um JSON exportado de outro espaço.", "Type a name above and click Create to draw your first one, or import a JSON exported from another workspace."),
 "Export": ("Exportar JSON", "Export JSON"), "Fit": ("Ajustar à tela", "Fit to screen"),
 "ImportJson": ("Importar JSON", "Import JSON"), "ImportNotJson": ("O arquivo não é um JSON de automação.", "The file is not a workflow JSON."),
 "Imported": ("Automação importada como rascunho.", "Workflow imported as a draft."),
 "InsertVariable": ("Inserir variável", "Insert variable"),
 "JsonValue": ("Valor em JSON (texto simples vira texto).", "A JSON value (plain text is taken as text)."),
 "LastPublished": ("Última publicação", "Last published"), "Leave": ("Sair sem salvar", "Leave without saving"),
 "LeaveUnsaved": ("Há alterações não salvas nesta automação. Sair mesmo assim?", "This workflow has unsaved changes. Leave anyway?"),
 "Name": ("Nome", "Name"), "NeverPublished": ("Nunca publicada", "Never published"),
 "NewWorkflowName": ("Nome da nova automação", "New workflow's name"),
 "NoOutputs": ("Este passo encerra o caminho.", "This step ends the path."),
 "NoProblems": ("Nenhum problema: pronta para publicar.", "No problems: ready to publish."),
 "NoVersions": ("Ainda não publicada.", "Not published yet."),
 "NodeType": ("Tipo de passo", "Step type"), "NodesCount": ("passos", "steps"),
 "OnePerLine": ("Um por linha.", "One per line."), "Palette": ("Paleta de passos", "Step palette"),
 "Pipeline": ("Funil", "Pipeline"), "Problems": ("Problemas", "Problems"), "ProblemsN": ("{0} problema(s)", "{0} problem(s)"),
 "Publish": ("Publicar", "Publish"),
 "PublishRefused": ("Não dá para publicar: {0} problema(s) na lista ao lado.", "Cannot publish: {0} problem(s) in the list beside."),
 "Published": ("Versão {0} publicada e ativa.", "Version {0} published and active."),
 "Copy": ("Copiar a seleção (Ctrl+C)", "Copy the selection (Ctrl+C)"), "Paste": ("Colar (Ctrl+V)", "Paste (Ctrl+V)"),
 "Duplicate": ("Duplicar a seleção (Ctrl+D)", "Duplicate the selection (Ctrl+D)"),
 "Copied": ("Passos copiados: {0}. Cole com Ctrl+V.", "Steps copied: {0}. Paste with Ctrl+V."),
 "CopyNothing": ("Selecione um ou mais passos para copiar.", "Select one or more steps to copy."),
 "CopySkipsTrigger": ("O gatilho não é copiado (uma automação tem um só). Passos copiados: {0}.", "The trigger is not copied (a workflow has only one). Steps copied: {0}."),
 "Funnel": ("Funil", "Funnel"),
 "FunnelNoQuestions": ("A versão publicada não tem perguntas do bot (passos Perguntar no WhatsApp). Publique para começar a medir.", "The published version asks no bot questions (Ask on WhatsApp steps). Publish to start measuring."),
 "Redo": ("Refazer (Ctrl+Y)", "Redo (Ctrl+Y)"), "Undo": ("Desfazer (Ctrl+Z)", "Undo (Ctrl+Z)"),
 "RemoveNode": ("Remover este passo", "Remove this step"), "RestoreAsDraft": ("Restaurar como rascunho", "Restore as draft"),
 "RestoreQuestion": ("Substituir o rascunho pela versão {0}?", "Replace the draft with version {0}?"),
 "Save": ("Salvar (Ctrl+S)", "Save (Ctrl+S)"), "Saved": ("Salvo", "Saved"), "SavedMessage": ("Rascunho salvo.", "Draft saved."),
 "Saving": ("Salvando…", "Saving…"), "Unsaved": ("Não salvo", "Unsaved"),
 "SelectHint": ("Clique num passo do desenho (ou escolha abaixo) para configurá-lo e ligá-lo.", "Click a step on the canvas (or pick one below) to configure and connect it."),
 "SelectNode": ("Escolher um passo", "Pick a step"), "SidePanel": ("Painel do passo", "Step panel"),
 "Status": ("Situação", "Status"), "Template": ("Modelo", "Template"),
 "UnknownType": ("Tipo de passo desconhecido: mantido como está.", "Unknown step type: kept as it is."),
 "UnpublishedChanges": ("Alterações não publicadas", "Unpublished changes"),
 "Updated": ("Atualizada", "Updated"), "Version": ("Versão", "Version"), "VersionN": ("Versão {0}", "Version {0}"),
 "Versions": ("Versões", "Versions"), "WholeWorkflow": ("Automação", "Workflow"),
 "ZoomIn": ("Aproximar", "Zoom in"), "ZoomOut": ("Afastar", "Zoom out"),
 # kinds
 "Kind_triggers": ("Gatilhos", "Triggers"), "Kind_logic": ("Lógica", "Logic"), "Kind_whatsapp": ("WhatsApp", "WhatsApp"),
 "Kind_crm": ("Ações no CRM", "CRM actions"), "Kind_integrations": ("Integrações", "Integrations"), "Kind_ai": ("IA", "AI"),
}
types = {
 "trigger": ("Gatilho", "Trigger", "Inicia a automação: num evento, num horário, à mão, por webhook ou numa mensagem de WhatsApp.", "Starts a run: on an event, a schedule, by hand, by a webhook or on a WhatsApp message."),
 "condition": ("Condição", "Condition", "Segue por “sim” ou “não” conforme um campo.", "Goes on “yes” or “no” depending on a field."),
 "switch": ("Escolha", "Switch", "Segue pelo primeiro caso igual ao campo, senão por “padrão”.", "Takes the first case equal to the field, else “default”."),
 "delay": ("Esperar", "Delay", "Aguarda um tempo ou até uma data.", "Waits for a duration or until a time."),
 "wait_for_event": ("Aguardar evento", "Wait for event", "Aguarda um evento (ex.: resposta no WhatsApp) ou o tempo limite.", "Waits for an event (e.g. a WhatsApp reply) or times out."),
 "ask_whatsapp": ("Perguntar no WhatsApp", "Ask on WhatsApp", "Pergunta, valida a resposta e a guarda no lead.", "Asks, validates the reply and stores it on the lead."),
 "ai_reply": ("Resposta da IA", "AI reply", "Responde pela base de conhecimento ou transfere abaixo da confiança.", "Answers from the knowledge base or hands off below the confidence."),
 "handoff": ("Transferir para humano", "Hand off to a person", "Passa a conversa a uma pessoa e para o robô.", "Hands the conversation to a person and stops the bot."),
 "move_stage": ("Mover de etapa", "Move stage", "Move o card para uma etapa.", "Moves the card to a stage."),
 "assign": ("Atribuir", "Assign", "Atribui o lead a alguém ou em rodízio.", "Assigns the lead to someone or round robin."),
 "set_field": ("Definir campo", "Set field", "Grava um campo ou campo personalizado.", "Sets a field or custom field."),
 "add_tag": ("Adicionar etiqueta", "Add tag", "Marca o lead com uma etiqueta.", "Tags the lead."),
 "create_activity": ("Criar atividade", "Create activity", "Cria uma tarefa, ligação, reunião ou retorno.", "Creates a task, call, meeting or follow-up."),
 "add_note": ("Adicionar nota", "Add note", "Escreve uma nota na linha do tempo.", "Writes a note on the timeline."),
 "send_whatsapp": ("Enviar WhatsApp", "Send WhatsApp", "Envia texto na janela de 24 h, senão um modelo.", "Sends text inside the 24-hour window, else a template."),
 "send_email": ("Enviar e-mail", "Send e-mail", "Envia um e-mail.", "Sends an e-mail."),
 "http_request": ("Chamada HTTP", "HTTP request", "Chama um endereço externo.", "Calls an outside URL."),
 "emit_event": ("Emitir evento", "Emit event", "Emite um evento personalizado.", "Emits a custom event."),
 "recalculate_score": ("Recalcular pontuação", "Recalculate score", "Recalcula a pontuação do lead.", "Recalculates the lead's score."),
 "call_workflow": ("Chamar automação", "Call workflow", "Executa outra automação.", "Runs another workflow."),
 "end": ("Fim", "End", "Encerra a execução.", "Ends the run."),
}
for t,(pt,en,hpt,hen) in types.items():
    S[f"NodeType_{t}"]=(pt,en); S[f"NodeHelp_{t}"]=(hpt,hen)
ports = {
 "Port_in": ("entrada","input"), "Port_next": ("próximo","next"), "Port_default": ("padrão","default"),
 "Port_condition_true": ("sim","yes"), "Port_condition_false": ("não","no"),
 "Port_ask_whatsapp_answered": ("respondeu","answered"), "Port_ask_whatsapp_timeout": ("timeout","timeout"), "Port_ask_whatsapp_invalid": ("inválido","invalid"),
 "Port_wait_for_event_received": ("recebido","received"), "Port_wait_for_event_timeout": ("timeout","timeout"),
 "Port_ai_reply_answered": ("respondeu","answered"), "Port_ai_reply_handoff": ("transferir","hand off"),
 "Port_http_request_next": ("ok","ok"), "Port_http_request_failed": ("falhou","failed"),
 "Port_answered": ("respondeu","answered"), "Port_timeout": ("timeout","timeout"), "Port_invalid": ("inválido","invalid"),
 "Port_received": ("recebido","received"), "Port_handoff": ("transferir","hand off"), "Port_failed": ("falhou","failed"),
 "Port_true": ("sim","yes"), "Port_false": ("não","no"),
}
S.update(ports)
settings = {
 "label": ("Rótulo no desenho","Label on the canvas"), "kind": ("Tipo de gatilho","Trigger kind"), "event_type": ("Evento","Event"),
 "filter": ("Filtro","Filter"), "cron": ("Agenda (cron)","Schedule (cron)"), "keywords": ("Palavras-chave","Keywords"),
 "first_message_only": ("Só na primeira mensagem","First message only"), "field": ("Campo","Field"), "operator": ("Operador","Operator"),
 "value": ("Valor","Value"), "cases": ("Casos","Cases"), "duration": ("Duração (ISO 8601)","Duration (ISO 8601)"), "until": ("Até","Until"),
 "same_lead": ("Do mesmo lead","From the same lead"), "timeout": ("Tempo limite (ISO 8601)","Timeout (ISO 8601)"), "question": ("Pergunta","Question"),
 "answer_type": ("Tipo de resposta","Answer type"), "options": ("Opções","Options"), "store_to": ("Guardar em","Store into"),
 "max_attempts": ("Tentativas","Attempts"), "invalid_message": ("Mensagem se inválida","Message when invalid"),
 "confidence_threshold": ("Confiança mínima","Confidence threshold"), "fallback_text": ("Texto alternativo","Fallback text"),
 "rule": ("Regra","Rule"), "user_id": ("Pessoa","Person"), "message": ("Mensagem","Message"), "notify_owner": ("Avisar o responsável","Notify the owner"),
 "stage_id": ("Etapa","Stage"), "mode": ("Modo","Mode"), "tag": ("Etiqueta","Tag"), "title": ("Título","Title"),
 "activity_type": ("Tipo de atividade","Activity type"), "due_in": ("Prazo (ISO 8601)","Due in (ISO 8601)"), "assignee": ("Responsável","Assignee"),
 "text": ("Texto","Text"), "template_id": ("Modelo de WhatsApp","WhatsApp template"), "variables": ("Variáveis do modelo","Template variables"),
 "to": ("Para","To"), "subject": ("Assunto","Subject"), "body": ("Corpo","Body"), "method": ("Método","Method"), "url": ("URL","URL"),
 "headers": ("Cabeçalhos","Headers"), "timeout_seconds": ("Tempo limite (s)","Timeout (s)"), "payload": ("Dados","Payload"),
 "workflow_id": ("Automação","Workflow"), "input": ("Entrada","Input"), "wait": ("Esperar terminar","Wait for it to finish"),
}
for k,v in settings.items(): S[f"Setting_{k}"]=v
helps = {
 "SettingHelp_filter": ("Condições no formato do filtro, ex.: source=eq.meta_ads&value=gte.1000", "Conditions in the filter grammar, e.g. source=eq.meta_ads&value=gte.1000"),
 "SettingHelp_cron": ("Cron do Quartz (segundos primeiro), no fuso do espaço, ex.: 0 0 9 ? * MON-FRI", "Quartz cron (seconds first), in the workspace's time zone, e.g. 0 0 9 ? * MON-FRI"),
 "SettingHelp_condition_field": ("lead.value, lead.custom.x, event.payload.x, nodes.<id>.output.x", "lead.value, lead.custom.x, event.payload.x, nodes.<id>.output.x"),
 "SettingHelp_switch_field": ("lead.value, lead.custom.x, event.payload.x, nodes.<id>.output.x", "lead.value, lead.custom.x, event.payload.x, nodes.<id>.output.x"),
 "SettingHelp_duration": ("Ex.: PT48H (48 horas) ou P2D (2 dias)", "E.g. PT48H (48 hours) or P2D (2 days)"),
 "SettingHelp_timeout": ("Ex.: PT48H (48 horas) ou P2D (2 dias)", "E.g. PT48H (48 hours) or P2D (2 days)"),
 "SettingHelp_due_in": ("Ex.: PT2H (2 horas) ou P1D (1 dia)", "E.g. PT2H (2 hours) or P1D (1 day)"),
 "SettingHelp_until": ("Data e hora ISO 8601 ou uma variável com uma", "An ISO 8601 date-time or a variable holding one"),
 "SettingHelp_label": ("Aparece no desenho no lugar do resumo.", "Shown on the canvas instead of the summary."),
 "SettingHelp_to": ("Vazio: o e-mail do lead.", "Empty: the lead's e-mail."),
}
S.update(helps)
choices = {
 "event": ("Evento","Event"), "schedule": ("Agenda","Schedule"), "manual": ("Manual","Manual"), "webhook": ("Webhook","Webhook"),
 "inbound_message": ("Mensagem recebida","Inbound message"),
 "eq": ("igual a","equals"), "neq": ("diferente de","not equal"), "gt": ("maior que","greater than"), "gte": ("maior ou igual a","at least"),
 "lt": ("menor que","less than"), "lte": ("menor ou igual a","at most"), "like": ("parecido (maiúsc.)","like"), "ilike": ("contém","contains"),
 "in": ("está em","is one of"), "is": ("é","is"), "cs": ("inclui","includes"),
 "text": ("Texto","Text"), "name": ("Nome","Name"), "email": ("E-mail","E-mail"), "phone": ("Telefone","Phone"), "number": ("Número","Number"),
 "date": ("Data","Date"), "option": ("Opção","Option"),
 "round_robin": ("Rodízio","Round robin"), "owner": ("Responsável do lead","Lead's owner"), "user": ("Pessoa escolhida","Chosen person"),
 "call": ("Ligação","Call"), "meeting": ("Reunião","Meeting"), "task": ("Tarefa","Task"), "follow_up": ("Retorno","Follow-up"),
}
for k,v in choices.items(): S[f"Choice_{k}"]=v
problems = {
 "unknown_node_type": ("Tipo de passo desconhecido","Unknown step type"), "missing_setting": ("Falta uma configuração obrigatória","A required setting is missing"),
 "invalid_setting": ("Configuração inválida","Invalid setting"), "dangling_edge": ("Ligação para um passo que não existe","Link to a step that does not exist"),
 "unknown_port": ("Saída que este passo não tem","Output this step does not have"), "port_has_many_targets": ("Uma saída ligada a vários passos","One output linked to several steps"),
 "no_trigger": ("Falta um gatilho","No trigger"), "trigger_has_input": ("Um gatilho não recebe ligações","A trigger takes no incoming link"),
 "unreachable_node": ("Nenhum caminho chega aqui","No path leads here"), "cycle_without_wait": ("Laço sem espera","Loop without a wait"),
 "unconnected_port": ("Saída obrigatória sem ligação","Required output not linked"), "unknown_reference": ("Registro que não existe neste espaço","Record missing in this workspace"),
}
for k,v in problems.items(): S[f"Problem_{k}"]=v
write_resx("WorkflowsResource", S)
print(len(S))
