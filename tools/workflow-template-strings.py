#!/usr/bin/env python3
"""The template gallery's UI strings (pt-BR neutral, English), and each shipped template's title and description
(keys <template id>.Title / .Description; the pt-BR texts match WorkflowTemplates in Core). Run from the repository
root to regenerate src/SalesCrm.Web/Resources/WorkflowTemplatesResource*.resx."""
from resx import write_resx
S = {
 "CreateFromTemplate": ("Criar a partir de modelo", "Create from template"),
 "GalleryTitle": ("Modelos prontos", "Ready-made templates"),
 "GalleryHelp": ("Escolha um modelo: ele vira um rascunho que você revisa no editor antes de publicar.",
                 "Pick a template: it becomes a draft you review in the designer before publishing."),
 "UseTemplate": ("Usar este modelo", "Use this template"),
 "StepsN": ("{0} passos", "{0} steps"),
 "Close": ("Fechar", "Close"),
 "Created": ("Rascunho criado a partir do modelo \"{0}\".", "Draft created from the template \"{0}\"."),
 "ParameterHelp": ("Pode deixar em branco e preencher no editor: a publicação pede.", "You may leave it blank and fill it in the designer: publishing asks for it."),
 "Param.erp_url": ("URL do ERP", "ERP URL"),
 "meta-lead-welcome.Title": ("Boas-vindas lead Meta", "Meta lead welcome"),
 "meta-lead-welcome.Description": (
   "Quando chega um lead do Meta Lead Ads: distribui por rodízio entre os vendedores, envia a mensagem de boas-vindas aprovada no WhatsApp e cria uma tarefa de follow-up para o responsável.",
   "When a Meta Lead Ads lead arrives: assigns it by round robin among the sales reps, sends the approved WhatsApp welcome template and creates a follow-up task for the owner."),
 "no-reply-reminder.Title": ("Lembrete sem resposta", "No-reply reminder"),
 "no-reply-reminder.Description": (
   "Espera até 2 dias pela resposta do lead novo no WhatsApp. Se ele responder, marca a tag \"respondeu\"; se não, manda uma mensagem de retomada e cria uma tarefa de ligação para o responsável.",
   "Waits up to 2 days for the new lead to answer on WhatsApp. If they answer, tags them \"respondeu\"; if not, sends a follow-up message and creates a call task for the owner."),
 "whatsapp-qualification.Title": ("Qualificação WhatsApp", "WhatsApp qualification"),
 "whatsapp-qualification.Description": (
   "Bot que faz 5 perguntas no WhatsApp (nome, cidade, quantos caixas a loja usa, prazo e orçamento mensal), valida e guarda as respostas no lead, recalcula a pontuação, move o card para Qualificado e passa a conversa para um vendedor.",
   "A bot that asks 5 questions on WhatsApp (name, city, how many checkouts the store runs, timing and monthly budget), validates and stores the answers on the lead, recalculates the score, moves the card to Qualificado and hands the conversation to a sales rep."),
 "deal-won-erp.Title": ("Negócio ganho → ERP", "Deal won → ERP"),
 "deal-won-erp.Description": (
   "Quando um negócio é ganho: envia os dados do cliente e do negócio para o endereço do seu ERP (ou outro sistema) e agradece o cliente no WhatsApp. Se o ERP recusar, registra uma nota no lead.",
   "When a deal is won: posts the customer's and the deal's data to your ERP's (or another system's) URL and thanks the customer on WhatsApp. If the ERP refuses it, adds a note to the lead."),
 "weekly-funnel-digest.Title": ("Resumo semanal do funil", "Weekly pipeline digest"),
 "weekly-funnel-digest.Description": (
   "Toda segunda-feira às 08:00 (fuso do espaço) envia por e-mail aos gestores um resumo do funil: leads e valor em aberto por etapa, novos leads, negócios ganhos e perdidos nos últimos 7 dias.",
   "Every Monday at 08:00 (the workspace's time zone) e-mails the managers a pipeline digest: open leads and value per stage, new leads, deals won and lost in the last 7 days."),
}
write_resx("WorkflowTemplatesResource", S)
print(len(S))
