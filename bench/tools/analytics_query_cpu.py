# CPU time of the pipeline, leads and communication reports' SQL on two kept bench databases (ADR 044, docs/readme/perf16.md).
# Usage: edit DBS below (each: a kept SQLite file from `--only analytics --leads 100000 --keep`, the "Bench analytics" tenant id,
# its default pipeline id, and the JSON list of SQL statements extracted from a `BENCH_SQL_LOG=1` bench run of that build by
# extract_sql.py) and REPORTS (which statements of each list belong to which report), then `python3 analytics_query_cpu.py 7`.
# Old and new are alternated each round; prints the median CPU and wall time per report and per statement.
import json, re, sqlite3, time, statistics, sys
S, E = '2026-09-05 03:00:00', '2026-12-04 03:00:00'
DBS = dbs = {
 'old': ('/tmp/salescrm-bench/9dc0575717ca45629d1545a0ee63d410/salescrm.db', '01A23B3B-35FD-7EEF-86C9-4F81FE97B05B', '01A23B3B-367D-7B36-90FB-16E3F611F9AC', json.load(open('old.json'))),
 'new': ('/tmp/salescrm-bench/98e2d18ae5aa45a089543d1e37e83b72/salescrm.db', '01A23B55-5443-7892-84C9-72A0A51D9266', '01A23B55-5521-7478-B155-4443E6D8DD67', json.load(open('final.json'))),
}
REPORTS = reports = {
 'old': {'pipeline': [4,5,6,7,8,9], 'leads': [11,12,13,14,15,16], 'communication': [19,20,21,22,23,25,26]},
 'new': {'pipeline': [4,5,6,7,8,9], 'leads': [13,14,15,16,17,18], 'communication': [20,21,22,23,25,26]},
}
BOUNDS=[5,15,60,240,1440]
def params(T,P):
    return {'ef_filter__CurrentTenantId':T,'pid':P,'pipelineId':P,'Period_StartUtc':S,'Period_EndUtc':E,'scope_Period_StartUtc':S,'scope_Period_EndUtc':E,
            'start':S,'end':E,'start0':S,'end0':E,'cur':'BRL','Currency':'BRL'}
def run(con, sql, p):
    names = set(re.findall(r'@(\w+)', sql))
    return con.execute(sql, {k: v for k, v in p.items() if k in names}).fetchall()
def median_params(kind, version, con, qs, p):
    # the grouped/bucket query before the median query gives the counts
    if version == 'old':
        rows = run(con, qs[0], p); total = sum(r[1] for r in rows); return {'p': total // 2}
    rows = run(con, qs[0], p)
    counts = {}
    for r in rows:
        b_, c_ = (r[0], r[1]) if len(r) == 3 else (r[1], r[2])
        if b_ != -1: counts[b_] = counts.get(b_, 0) + c_
    total = sum(counts.values()); half = total // 2; b = 0; before = 0
    while before + counts.get(b, 0) <= half: before += counts.get(b, 0); b += 1
    rank = half - before
    o = None if b == 0 else BOUNDS[b-1]*60; u = BOUNDS[b]*60 if b < len(BOUNDS) else None
    d = {'p': rank}
    if o is not None: d['o'] = o
    if u is not None: d['u'] = u
    return d
def measure(version, report):
    path, T, P, qs = dbs[version]
    con = sqlite3.connect(path)
    p = params(T, P)
    idx = reports[version][report]
    t0 = time.process_time(); w0 = time.perf_counter()
    extra = {}
    for k, i in enumerate(idx):
        sql = qs[i]
        q = dict(p)
        if 'ORDER BY "l"."Seconds"' in sql:
            q.update(median_params(report, version, con, [qs[idx[k-1]]], p))
        c0=time.process_time(); run(con, sql, q); extra[i]=(time.process_time()-c0)*1000
    cpu = time.process_time() - t0; wall = time.perf_counter() - w0
    con.close()
    PER.setdefault((version,report),[]).append(extra)
    return cpu * 1000, wall * 1000
n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
res = {}
PER={}
for it in range(n + 1):
    for report in ['pipeline', 'leads', 'communication']:
        for version in (['old', 'new'] if it % 2 == 0 else ['new', 'old']):
            c, w = measure(version, report)
            if it > 0: res.setdefault((report, version), []).append((c, w))
for report in ['pipeline', 'leads', 'communication']:
    for version in ['old', 'new']:
        xs = res[(report, version)]
        print(f"{report:14} {version}: CPU median {statistics.median(x[0] for x in xs):6.0f} ms (min {min(x[0] for x in xs):5.0f})   wall median {statistics.median(x[1] for x in xs):6.0f} ms")

for (v,r),lst in sorted(PER.items()):
    print(v, r, {i: round(statistics.median(d[i] for d in lst)) for i in lst[0]})
