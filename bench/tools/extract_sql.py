# Unique SQL statements an analytics bench run executed after seeding, from its BENCH_SQL_LOG=1 output, as a JSON list.
# Usage: python3 extract_sql.py bench-output.txt statements.json (prints them numbered).
import re,sys,json
t=open(sys.argv[1]).read()
t=t[t.index('Analytics: seeded'):]
blocks=re.split(r'\n(?:info|warn|fail|dbug): [^\n]*\n', t)
out=[];seen=set()
for b in blocks:
    m=re.match(r'\s*Executed DbCommand \((\d+)ms\) \[Parameters=\[(.*?)\], CommandType[^\n]*\n(.*)', b, re.S)
    if not m: continue
    sql='\n'.join(l[6:] if l.startswith('      ') else l for l in m.group(3).split('\n'))
    sql=sql.split('\n| measurement')[0].strip()
    if sql in seen: continue
    seen.add(sql); out.append(sql)
json.dump(out, open(sys.argv[2],'w'))
for i,s in enumerate(out): print(i, ' '.join(s.split())[:150])
