// Drives SalesCrm's /rest/v1 with the official PostgREST client and prints one JSON object of results.
// Usage: node check.mjs <base url> <bearer token>. Asserted by SalesCrm.E2E PostgrestClientTests.
import { PostgrestClient } from '@supabase/postgrest-js'

const [, , baseUrl, token] = process.argv
const db = new PostgrestClient(`${baseUrl}/rest/v1`, { headers: { Authorization: `Bearer ${token}` } })
const leads = () => db.from('leads').select('name')
const names = (r) => (r.error ? { status: r.status, error: r.error } : r.data.map((x) => x.name).sort())
const inOrder = (r) => (r.error ? { status: r.status, error: r.error } : r.data.map((x) => x.name))

const out = {}
out.eq = names(await leads().eq('name', 'Ana Paula'))
out.neq = names(await leads().neq('company', 'Acme'))
out.gt = names(await leads().gt('value', 100))
out.in = names(await leads().in('name', ['Silva, Pedro (filho)', 'ana souza']))
out.is = names(await leads().is('company', null))
out.ilike = names(await leads().ilike('name', '*joão*'))
out.like = names(await leads().like('name', '*Ana*'))
out.order = inOrder(await leads().order('value', { ascending: false }).limit(2))
out.range = inOrder(await leads().order('value', { ascending: false }).range(1, 2))
out.limit = inOrder(await leads().order('value', { ascending: false }).limit(1))
out.match = names(await leads().match({ company: 'Acme', name: 'Érica Gonçalves' }))
out.contains = names(await leads().contains('tags', ['vip']))
out.or = names(await leads().or('name.ilike.*érica*,company.eq.null'))
out.orNested = names(await leads().or('company.eq.Acme,and(name.like.ana*,company.is.null)'))
out.notOr = names(await leads().not('company', 'is', null).or('company.eq.Acme,company.eq.null'))
const nulls = await db.from('leads').select('company').order('company', { ascending: true, nullsFirst: true })
out.nullsFirst = nulls.error ? { status: nulls.status, error: nulls.error } : nulls.data.map((x) => x.company)
out.fts = names(await leads().textSearch('name', 'silva'))
out.plfts = names(await leads().textSearch('name', 'joão silva', { type: 'plain' }))
out.phfts = names(await leads().textSearch('name', 'da silva', { type: 'phrase', config: 'simple' }))
out.wfts = names(await leads().textSearch('name', '"pedro filho" or érica', { type: 'websearch' }))
const counted = await db.from('leads').select('name', { count: 'exact' }).order('name').limit(2)
out.count = { count: counted.count, rows: counted.data?.length ?? null, status: counted.status }
const headOnly = await db.from('leads').select('*', { count: 'exact', head: true })
out.head = { count: headOnly.count, data: headOnly.data ?? null, status: headOnly.status }
const star = await db.from('leads').select().eq('name', 'Ana Paula')
out.star = star.error ? { status: star.status, error: star.error } : Object.keys(star.data[0]).includes('stage_id')
const single = await leads().eq('name', 'Ana Paula').single()
out.single = single.error ? { status: single.status, error: single.error } : single.data
const many = await leads().single()
out.singleOfMany = { status: many.status, data: many.data }
out.stages = names(await db.from('stages').select('name').eq('kind', 'lost'))
out.events = (await db.from('events').select('type').eq('type', 'lead.created')).data?.length ?? null
process.stdout.write(JSON.stringify(out))
