#!/usr/bin/env python3
"""UI strings, one line per key: pt-BR (the neutral resource) and English.
Run `python3 tools/strings.py` after editing to regenerate src/SalesCrm.Web/Resources/SharedResource*.resx."""
import os
from xml.sax.saxutils import escape

S = {
 "AccessDenied": ("Você não tem permissão para acessar isto.", "You do not have permission to access this."),
 "Action": ("Ação", "Action"), "Active": ("Ativa", "Active"), "Actor": ("Autor", "Actor"), "Add": ("Adicionar", "Add"),
 "AddMember": ("Adicionar membro", "Add member"),
 "AddMemberHelp": ("Informe o e-mail de um usuário existente, ou nome e senha para criar a conta.", "Enter an existing user's email, or a name and password to create the account."),
 "ApiDocs": ("Documentação da API", "API reference"),
 "ApiKeyShownOnce": ("Copie a chave agora: ela não será mostrada novamente.", "Copy the key now: it will not be shown again."),
 "ApiKeys": ("Chaves de API", "API keys"), "AuditLog": ("Auditoria", "Audit log"), "BackToApp": ("Voltar ao app", "Back to the app"),
 "Capability": ("Permissão", "Capability"), "CapabilityMatrix": ("Permissões por papel", "Capabilities by role"),
 "ChangePassword": ("Alterar senha", "Change password"), "Changes": ("Alterações", "Changes"),
 "CompanyName": ("Nome da empresa", "Company name"),
 "Conflict": ("Não foi possível:", "Not possible:"), "Create": ("Criar", "Create"), "CreateAccount": ("Criar conta", "Create account"),
 "CreateRole": ("Criar papel", "Create role"), "CurrentPassword": ("Senha atual", "Current password"),
 "CustomRole": ("Personalizado", "Custom"), "DarkMode": ("Modo escuro", "Dark mode"), "Delete": ("Excluir", "Delete"),
 "Email": ("E-mail", "Email"), "EmailAndPasswordRequired": ("Informe e-mail e senha.", "Enter your email and password."),
 "EmailTaken": ("Já existe uma conta com este e-mail.", "An account with this email already exists."),
 "Entity": ("Entidade", "Entity"), "ExpiresOn": ("Expira em", "Expires on"),
 "ExternalFailed": ("Não foi possível entrar com a Microsoft.", "Signing in with Microsoft failed."),
 "ExternalUnknown": ("Nenhuma conta do SalesCrm está ligada a esta identidade Microsoft.", "No SalesCrm account is linked to this Microsoft identity."),
 "FieldInvalid": ("Campo obrigatório ou inválido.", "Required or invalid."),
 "Filter": ("Filtrar", "Filter"), "FixErrors": ("Corrija os campos destacados.", "Please fix the highlighted fields."), "From": ("De", "From"),
 "HaveAccount": ("Já tem conta?", "Already have an account?"), "Home": ("Início", "Home"),
 "InvalidLogin": ("E-mail ou senha inválidos.", "Invalid email or password."), "Language": ("Idioma", "Language"),
 "LastUsed": ("Último uso", "Last used"), "LightMode": ("Modo claro", "Light mode"),
 "LockedOut": ("Conta bloqueada após várias tentativas. Tente novamente em alguns minutos.", "Account locked after repeated failures. Try again in a few minutes."),
 "MemberAdded": ("Membro adicionado.", "Member added."), "MemberRemoved": ("Membro removido.", "Member removed."),
 "Members": ("Membros", "Members"), "Menu": ("Menu", "Menu"), "Name": ("Nome", "Name"),
 "NameIfNew": ("Nome (se for novo)", "Name (if new)"), "NewApiKey": ("Nova chave de API", "New API key"),
 "NewPassword": ("Nova senha", "New password"), "NewRoleName": ("Nome do novo papel", "New role name"),
 "NoAccount": ("Ainda não tem conta?", "No account yet?"), "NotFound": ("Não encontrado.", "Not found."),
 "Password": ("Senha", "Password"), "PasswordChangeFailed": ("Senha atual incorreta ou nova senha fora da política.", "Wrong current password, or the new one does not meet the policy."),
 "PasswordChanged": ("Senha alterada.", "Password changed."), "PasswordIfNew": ("Senha (se for novo)", "Password (if new)"),
 "PasswordPolicy": ("Mínimo de 8 caracteres, com maiúscula, minúscula e número.", "At least 8 characters, with upper and lower case letters and a digit."),
 "Prefix": ("Prefixo", "Prefix"), "RegisterSubtitle": ("Crie sua conta e o espaço de trabalho da sua equipe.", "Create your account and your team's workspace."),
 "RegistrationDisabled": ("O cadastro está desativado nesta instalação.", "Registration is disabled on this installation."),
 "Reload": ("Recarregar", "Reload"), "RememberMe": ("Manter conectado", "Keep me signed in"), "Remove": ("Remover", "Remove"),
 "Revoke": ("Revogar", "Revoke"), "Revoked": ("Revogada", "Revoked"), "Role": ("Papel", "Role"),
 "RoleCreated": ("Papel criado.", "Role created."), "RoleDeleted": ("Papel excluído.", "Role deleted."), "Roles": ("Papéis", "Roles"),
 "Save": ("Salvar", "Save"), "Saved": ("Salvo.", "Saved."), "Scopes": ("Escopos", "Scopes"),
 "SignIn": ("Entrar", "Sign in"), "SignInSubtitle": ("Acesse seu pipeline de vendas.", "Open your sales pipeline."),
 "SignInWithMicrosoft": ("Entrar com a Microsoft", "Sign in with Microsoft"), "SignOut": ("Sair", "Sign out"),
 "Since": ("Desde", "Since"), "Status": ("Situação", "Status"), "SwitchWorkspace": ("Trocar de espaço de trabalho", "Switch workspace"),
 "SystemRole": ("Do sistema", "System"), "To": ("Até", "To"), "Type": ("Tipo", "Type"), "UserMenu": ("Menu do usuário", "User menu"),
 "UnhandledError": ("Ocorreu um erro inesperado.", "An unexpected error occurred."), "Welcome": ("Olá", "Hello"),
 "When": ("Quando", "When"), "YourCapabilities": ("Suas permissões neste espaço", "Your capabilities here"), "YourName": ("Seu nome", "Your name"),

 "Pipeline": ("Funil", "Pipeline"), "Search": ("Buscar", "Search"), "Owner": ("Responsável", "Owner"), "Priority": ("Prioridade", "Priority"),
 "Source": ("Origem", "Source"), "Tag": ("Etiqueta", "Tag"), "Tags": ("Etiquetas", "Tags"), "QuickAdd": ("+ Adicionar lead rápido", "+ Quick add lead"),
 "LoadMore": ("Carregar mais", "Load more"), "TotalValue": ("Valor total", "Total value"), "WeightedValue": ("Valor ponderado", "Weighted value"),
 "MoveTo": ("Mover para", "Move to"), "Unassigned": ("Sem responsável", "Unassigned"), "DaysInStage": ("Dias nesta etapa", "Days in this stage"),
 "DaysShort": ("d", "d"), "Rotting": ("Parado", "Rotting"),
 "Priority_low": ("Baixa", "Low"), "Priority_normal": ("Normal", "Normal"), "Priority_high": ("Alta", "High"), "Priority_urgent": ("Urgente", "Urgent"),
 "LostReasonPrompt": ("Por que este negócio foi perdido?", "Why was this deal lost?"), "LostReason": ("Motivo da perda", "Lost reason"),
 "OtherReason": ("Outro motivo", "Other reason"), "Cancel": ("Cancelar", "Cancel"), "MarkLost": ("Marcar como perdido", "Mark as lost"),
 "LostPrice": ("Preço", "Price"), "LostCompetitor": ("Escolheu a concorrência", "Chose a competitor"), "LostNoResponse": ("Sem resposta", "No response"),
 "LostTiming": ("Fora do momento", "Bad timing"), "LostNoFit": ("Sem perfil", "Not a fit"),
 "DealWon": ("Negócio ganho!", "Deal won!"), "MovedBySomeoneElse": ("Outra pessoa moveu este lead antes; o quadro foi atualizado.", "Someone else moved this lead first; the board was updated."),
 "MoveFailed": ("Não foi possível mover o lead.", "The lead could not be moved."), "Leads": ("Leads", "Leads"), "Activities": ("Atividades", "Activities"),

 "Company": ("Empresa", "Company"), "Phone": ("Telefone", "Phone"), "Value": ("Valor", "Value"), "ExpectedClose": ("Previsão de fechamento", "Expected close"),
 "TagsHelp": ("Separe por vírgulas", "Separate with commas"), "AddInteraction": ("Registrar interação", "Log an interaction"),
 "DurationMinutes": ("Duração (min)", "Duration (min)"), "Outcome": ("Resultado", "Outcome"), "Text": ("Texto", "Text"), "Attach": ("Anexar", "Attach"),
 "Timeline": ("Linha do tempo", "Timeline"), "Score": ("Pontuação", "Score"), "NewActivity": ("Nova atividade", "New activity"), "Due": ("Vence em", "Due"),
 "Created": ("Criado em", "Created"), "ChangedBySomeoneElse": ("Outra pessoa alterou este lead; os dados foram recarregados.", "Someone else changed this lead; it was reloaded."),
 "Score_completeness": ("Perfil completo", "Profile completeness"), "Score_source": ("Origem", "Source"), "Score_recency": ("Contato recente", "Recent contact"),
 "Score_engagement": ("Engajamento", "Engagement"), "Score_stage": ("Etapa do funil", "Pipeline stage"),
 "Interaction_call": ("Ligação", "Call"), "Interaction_whatsapp": ("WhatsApp", "WhatsApp"), "Interaction_email": ("E-mail", "Email"),
 "Interaction_meeting": ("Reunião", "Meeting"), "Interaction_visit": ("Visita", "Visit"), "Interaction_note": ("Nota", "Note"),
 "Interaction_audio": ("Áudio", "Audio"), "Interaction_photo": ("Foto", "Photo"), "Interaction_status_change": ("Mudança de etapa", "Stage change"),
 "Activity_call": ("Ligação", "Call"), "Activity_meeting": ("Reunião", "Meeting"), "Activity_task": ("Tarefa", "Task"), "Activity_follow_up": ("Follow-up", "Follow-up"),
 "ExportCsv": ("Exportar CSV", "Export CSV"), "Selected": ("selecionados", "selected"), "Assign": ("Atribuir", "Assign"), "Stage": ("Etapa", "Stage"),
 "Move": ("Mover", "Move"), "AddTag": ("Etiquetar", "Add tag"), "Updated": ("atualizados", "updated"), "OnlyMine": ("Só as minhas", "Only mine"),
 "Overdue": ("Atrasadas", "Overdue"), "Today": ("Hoje", "Today"), "Upcoming": ("Próximas", "Upcoming"), "Activity": ("Atividade", "Activity"),
 "Lead": ("Lead", "Lead"), "NothingHere": ("Nada por aqui.", "Nothing here."),

 "Visibility": ("Visibilidade", "Visibility"), "SeesAllLeads": ("Todos os leads", "All leads"), "SeesOwnLeads": ("Só os seus", "Own leads only"),
 "ImportCsv": ("Importar CSV", "Import CSV"), "ImportHelp": ("Escolha um arquivo CSV e diga o que é cada coluna. Linhas com telefone ou e-mail já cadastrados completam o lead existente.", "Choose a CSV file and say what each column is. Rows whose phone or email already exists complete that lead."),
 "ChooseCsv": ("Escolher arquivo", "Choose file"), "CsvColumn": ("Coluna do CSV", "CSV column"), "MapsTo": ("Campo", "Field"), "Import": ("Importar", "Import"),
 "ImportReport": ("{0} linhas: {1} criadas, {2} atualizadas, {3} sem mudança, {4} com erro.", "{0} rows: {1} created, {2} updated, {3} unchanged, {4} invalid."),
 "Row": ("Linha", "Row"),

 "Workspace": ("Espaço de trabalho", "Workspace"), "PhoneRegion": ("Região dos telefones", "Phone region"),
 "PhoneRegionHelp": ("Números sem código do país são lidos nesta região (BR, AR, MX…).", "Numbers without a country code are read in this region (BR, AR, MX…)."),
 "DefaultCurrency": ("Moeda padrão", "Default currency"), "TimeZone": ("Fuso horário", "Time zone"),
 "RoundRobin": ("Distribuir leads sem responsável entre os vendedores (rodízio)", "Spread unassigned leads among sales reps (round-robin)"),

 "Webhooks": ("Webhooks", "Webhooks"), "NewWebhook": ("Novo webhook", "New webhook"), "EventTypes": ("Eventos", "Event types"), "AllEvents": ("todos", "all"),
 "WebhookSecretShownOnce": ("Guarde o segredo de assinatura agora; ele não será mostrado de novo:", "Keep the signing secret now; it will not be shown again:"),
 "Failing": ("Falhando", "Failing"), "Paused": ("Pausado", "Paused"), "SendTest": ("Enviar teste", "Send test"), "Pause": ("Pausar", "Pause"), "Resume": ("Retomar", "Resume"),
 "Event": ("Evento", "Event"), "Attempts": ("Tentativas", "Attempts"), "Response": ("Resposta", "Response"), "Redeliver": ("Reenviar", "Redeliver"),
 "TestQueued": ("Envio agendado.", "Delivery queued."),
 "WebhooksFailing": ("{0} webhook(s) esgotaram as tentativas de entrega.", "{0} webhook(s) ran out of delivery attempts."),

 "Integrations": ("Integrações", "Integrations"), "MetaHelp": ("Conecte as páginas do Facebook cujos formulários de anúncio viram leads. URL do webhook:", "Connect the Facebook pages whose lead ad forms become leads. Webhook URL:"),
 "PageId": ("ID da página", "Page ID"), "PageAccessToken": ("Token de acesso da página", "Page access token"), "ConnectPage": ("Conectar página", "Connect page"),
 "ZapierHelp": ("Envie leads de qualquer ferramenta de formulário ou automação:", "Send leads from any form or automation tool:"),
 "SecretConfigured": ("Segredo configurado:", "Secret configured:"), "NoSecretYet": ("Nenhum segredo gerado ainda.", "No secret generated yet."),
 "SecretShownOnce": ("Copie agora; não será mostrado de novo:", "Copy it now; it will not be shown again:"), "GenerateSecret": ("Gerar novo segredo", "Generate a new secret"),
 "FailedWebhooks": ("Webhooks recebidos com falha", "Inbound webhooks that failed"), "Error": ("Erro", "Error"), "Retry": ("Tentar de novo", "Retry"),

 "Download": ("Baixar", "Download"), "NoMessages": ("Nenhuma mensagem ainda.", "No messages yet."), "TypeMessage": ("Escreva uma mensagem", "Type a message"),
 "WindowClosed": ("Fora da janela de 24 horas do WhatsApp: envie um modelo aprovado.", "Outside WhatsApp's 24-hour window: send an approved template."),
 "Template": ("Modelo", "Template"), "SendTemplate": ("Enviar modelo", "Send template"),
 "NotSentQueued": ("Não enviada: nenhum número de WhatsApp conectado (na fila).", "Not sent: no WhatsApp number connected (queued)."),
 "Msg_queued": ("Na fila", "Queued"), "Msg_sent": ("Enviada", "Sent"), "Msg_delivered": ("Entregue", "Delivered"), "Msg_read": ("Lida", "Read"), "Msg_failed": ("Falhou", "Failed"), "Msg_received": ("Recebida", "Received"),

 "Templates": ("Modelos de WhatsApp", "WhatsApp templates"), "NewTemplate": ("Novo modelo", "New template"), "Category": ("Categoria", "Category"),
 "TemplateHelp": ("Use {{lead_name}}, {{first_name}}, {{company}}, {{owner_name}}, {{value}} ou variáveis próprias.", "Use {{lead_name}}, {{first_name}}, {{company}}, {{owner_name}}, {{value}} or your own variables."),
 "Usage": ("Envios", "Sends"), "ReplyRate": ("Taxa de resposta", "Reply rate"),
 "Audit_create": ("Criação", "Created"), "Audit_update": ("Alteração", "Updated"), "Audit_delete": ("Exclusão", "Deleted"),
 "Role_owner": ("Proprietário", "Owner"), "Role_admin": ("Administrador", "Admin"), "Role_manager": ("Gestor", "Manager"),
 "Role_sales_rep": ("Vendedor", "Sales rep"), "Role_viewer": ("Leitor", "Viewer"),
 "Module_leads": ("Leads", "Leads"), "Module_pipeline": ("Funil", "Pipeline"), "Module_copilot": ("Copiloto", "Copilot"),
 "Module_knowledge": ("Base de conhecimento", "Knowledge base"), "Module_workflows": ("Automações", "Workflows"),
 "Module_webhooks": ("Webhooks", "Webhooks"), "Module_tenants": ("Espaços de trabalho", "Workspaces"), "Module_users": ("Usuários", "Users"),
 "Module_reports": ("Relatórios", "Reports"), "Module_settings": ("Configurações", "Settings"),
 "Send": ("Enviar", "Send"),
 "MarkDone": ("Concluir", "Mark as done"),
 "ScoreWonNote": ("Negócios ganhos valem 100. Os fatores abaixo são os do negócio enquanto estava aberto.", "Won deals score 100. The factors below are from while the deal was open."),
 "ScoreLostNote": ("Negócios perdidos valem 0. Os fatores abaixo são os do negócio enquanto estava aberto.", "Lost deals score 0. The factors below are from while the deal was open."),
 "Cap_leads.read": ("Ver leads", "View leads"), "Cap_leads.write": ("Criar e editar leads", "Create and edit leads"),
 "Cap_leads.delete": ("Excluir leads", "Delete leads"), "Cap_leads.export": ("Exportar leads", "Export leads"),
 "Cap_pipeline.manage": ("Configurar funis e etapas", "Configure pipelines and stages"), "Cap_copilot.use": ("Usar o copiloto", "Use the copilot"),
 "Cap_knowledge.manage": ("Gerenciar a base de conhecimento", "Manage the knowledge base"), "Cap_workflows.manage": ("Gerenciar automações", "Manage workflows"),
 "Cap_webhooks.manage": ("Gerenciar webhooks", "Manage webhooks"), "Cap_tenants.manage": ("Administrar o espaço de trabalho", "Administer the workspace"),
 "Cap_users.manage": ("Gerenciar membros e papéis", "Manage members and roles"), "Cap_reports.view": ("Ver relatórios", "View reports"),
 "Cap_settings.manage": ("Gerenciar configurações", "Manage settings"),
}

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def write(path, index):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD)
        for key in sorted(S):
            f.write(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(S[key][index])}</value></data>\n')
        f.write("</root>\n")

out = os.path.join(os.path.dirname(__file__), "..", "src", "SalesCrm.Web", "Resources")
os.makedirs(out, exist_ok=True)
write(os.path.join(out, "SharedResource.resx"), 0)
write(os.path.join(out, "SharedResource.en.resx"), 1)
print(f"{len(S)} strings written")
