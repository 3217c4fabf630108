// The SQL side of bench/compare.sh (see bench/README.md).
//
//   node duckdb_compare.mjs run --n N --csv tasks.csv --sql tasks_sql.csv --mandate m.json
//        --out results.jsonl [--as-of D --from D --to D --reps R]
//     loads the same CSV into DuckDB (1 thread, all threads) and SQLite (sqlite3 CLI), runs
//     query 1 and query 2, CHECKS that every engine's counts equal mandate's (exit 1 and the
//     differences otherwise) and appends one JSON line per engine to results.jsonl.
//   node duckdb_compare.mjs report results.jsonl
//     prints the table.
//   node duckdb_compare.mjs whole --sql tasks_sql.csv --as-of D
//     one process as a user would run it: DuckDB on 1 thread loads the pre-resolved rows and
//     counts them per lead and status as of D (query 1); compare.sh times the whole process.
import { DuckDBInstance } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import os from 'node:os';

function flags(argv) {
  const out = {};
  for (let i = 0; i + 1 < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

function addDays(iso, n) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// Query 1 (where = '') and query 2 (where = the assignment window). One pass over the task
// table: classify (CASE over the pre-resolved due day), group by the lead columns and status,
// then unpivot the (small) grouped result into (lead, status) counts plus the totals ('*').
// lit(): a date literal in the engine's dialect.
function querySql(lit, asOf, from, to, window) {
  const d = lit(asOf), soon = lit(addDays(asOf, 7));
  const where = window ? `assigned <= ${d} AND assigned >= ${lit(from)} AND assigned <= ${lit(to)}`
                       : `assigned <= ${d}`;
  return `WITH s AS (
  SELECT lead1, lead2, lead3, lead4,
    CASE
      WHEN completed IS NOT NULL AND completed <= ${d} THEN
        CASE WHEN rule = 'R' OR due IS NULL OR completed <= due THEN 'completed_on_time'
             ELSE 'completed_late' END
      WHEN due IS NULL THEN 'in_progress'
      WHEN due < ${d} THEN 'overdue'
      WHEN due <= ${soon} THEN 'due_soon'
      ELSE 'in_progress'
    END AS status
  FROM tasks WHERE ${where}),
g AS (SELECT lead1, lead2, lead3, lead4, status, count(*) AS n FROM s
      GROUP BY lead1, lead2, lead3, lead4, status)
SELECT lead, status, sum(n) AS n FROM (
  SELECT lead1 AS lead, status, n FROM g
  UNION ALL SELECT lead2, status, n FROM g WHERE lead2 IS NOT NULL
  UNION ALL SELECT lead3, status, n FROM g WHERE lead3 IS NOT NULL
  UNION ALL SELECT lead4, status, n FROM g WHERE lead4 IS NOT NULL) u
GROUP BY lead, status
UNION ALL
SELECT '*', status, sum(n) FROM g GROUP BY status`;
}

function toMap(rows) {
  const m = {};
  for (const [lead, status, n] of rows) m[`${lead}|${status}`] = Number(n);
  return m;
}

function diff(name, want, got) {
  const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
  const bad = [];
  for (const k of keys) if ((want[k] ?? 0) !== (got[k] ?? 0)) bad.push(`${k}: mandate ${want[k] ?? 0}, ${name} ${got[k] ?? 0}`);
  return bad;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;  // ms

async function runDuckDB(threads, f, reps) {
  const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const c = await db.connect();
  let t0 = now();
  // The project CSV, as is: what "CSV load" compares.
  await c.run(`CREATE TABLE raw AS SELECT * FROM read_csv('${f.csv}', header = true, all_varchar = true)`);
  const load_s = (now() - t0) / 1e3;
  t0 = now();
  await c.run(`CREATE TABLE tasks AS SELECT * FROM read_csv('${f.sql}', header = true, columns = {
    'id': 'BIGINT', 'assigned': 'DATE', 'due': 'DATE', 'completed': 'DATE', 'rule': 'VARCHAR',
    'lead1': 'VARCHAR', 'lead2': 'VARCHAR', 'lead3': 'VARCHAR', 'lead4': 'VARCHAR'})`);
  const load_sql_s = (now() - t0) / 1e3;
  const rawCount = Number((await c.runAndReadAll('SELECT count(*) FROM raw')).getRows()[0][0]);
  const lit = (iso) => `DATE '${iso}'`;
  const out = { load_s, load_sql_s, raw_rows: rawCount };
  for (const [key, window] of [['q1', false], ['q2', true]]) {
    const sql = querySql(lit, f['as-of'], f.from, f.to, window);
    let best = Infinity, rows;
    for (let r = 0; r < reps; ++r) {
      const s0 = now();
      rows = (await c.runAndReadAll(sql)).getRows();
      best = Math.min(best, now() - s0);
    }
    out[`${key}_ms`] = best;
    out[key] = toMap(rows);
  }
  c.closeSync?.();
  return out;
}

function runSQLite(f, reps) {
  const lit = (iso) => `'${iso}'`;
  const stamp = (tag) => `SELECT '${tag}', (julianday('now') - 2440587.5) * 86400000.0;`;
  const script = [
    '.mode list',
    stamp('T0'),
    `.import --csv ${f.csv} raw`,
    stamp('T1'),
    `.import --csv ${f.sql} tasks_text`,
    // Typed columns, empty cells as NULL.
    `CREATE TABLE tasks AS SELECT CAST(id AS INTEGER) AS id, assigned, NULLIF(due, '') AS due,
       NULLIF(completed, '') AS completed, rule, lead1, NULLIF(lead2, '') AS lead2,
       NULLIF(lead3, '') AS lead3, NULLIF(lead4, '') AS lead4 FROM tasks_text;`,
    'DROP TABLE tasks_text;',
    stamp('T2'),
    "SELECT 'RAW', count(*) FROM raw;",
  ];
  for (const [key, window] of [['q1', false], ['q2', true]]) {
    const sql = querySql(lit, f['as-of'], f.from, f.to, window);
    for (let r = 0; r < reps; ++r) {
      script.push(stamp(`${key}S${r}`));
      script.push(`SELECT '${key}R${r}', * FROM (${sql});`);
      script.push(stamp(`${key}E${r}`));
    }
  }
  const p = spawnSync('sqlite3', [':memory:'], { input: script.join('\n') + '\n', maxBuffer: 1 << 28 });
  if (p.status !== 0) throw new Error(`sqlite3 failed: ${p.stderr}`);
  const t = {}, res = { q1: [], q2: [] };
  let raw = 0;
  for (const line of p.stdout.toString().split('\n')) {
    const parts = line.split('|');
    if (parts[0] === 'RAW') raw = Number(parts[1]);
    else if (/^(T\d|q\dS\d+|q\dE\d+)$/.test(parts[0])) t[parts[0]] = Number(parts[1]);
    else if (/^q\dR0$/.test(parts[0])) res[parts[0].slice(0, 2)].push(parts.slice(1));
  }
  const out = { load_s: (t.T1 - t.T0) / 1e3, load_sql_s: (t.T2 - t.T1) / 1e3, raw_rows: raw };
  for (const key of ['q1', 'q2']) {
    let best = Infinity;
    for (let r = 0; r < reps; ++r) best = Math.min(best, t[`${key}E${r}`] - t[`${key}S${r}`]);
    out[`${key}_ms`] = best;
    out[key] = toMap(res[key]);
  }
  return out;
}

async function run(f) {
  const n = Number(f.n);
  const reps = Number(f.reps ?? 3);
  const m = JSON.parse(readFileSync(f.mandate, 'utf8'));
  const rows = [{ engine: 'mandate', n, load_s: m.load_s, q1_ms: m.q1_ms, q2_ms: m.q2_ms,
                  floor_ms: m.floor_ms, floor_gb_per_s: m.floor_gb_per_s,
                  naive_loop_ms: m.naive_loop_ms, bytes_per_task: m.bytes_per_task_excl_titles,
                  load_json_ms: m.load_json_ms, snapshot_open_ms: m.snapshot_open_ms,
                  snapshot_bytes: m.snapshot_bytes }];
  const engines = [
    ['DuckDB 1 thread', () => runDuckDB(1, f, reps)],
    [`DuckDB ${os.cpus().length} threads`, () => runDuckDB(os.cpus().length, f, reps)],
    ['SQLite', () => runSQLite(f, n >= 5e6 ? 1 : reps)],
  ];
  let failed = false;
  for (const [engine, go] of engines) {
    const r = await go();
    const bad = [];
    if (r.raw_rows !== n) bad.push(`loaded ${r.raw_rows} rows of the project CSV, expected ${n}`);
    for (const q of ['q1', 'q2']) bad.push(...diff(`${engine} ${q}`, m[q], r[q]).map((s) => `${q} ${s}`));
    if (bad.length) {
      failed = true;
      console.error(`MISMATCH: ${engine} at N=${n} disagrees with mandate:\n  ${bad.slice(0, 20).join('\n  ')}`);
    } else {
      console.error(`${engine} N=${n}: same counts as mandate (${Object.keys(m.q1).length} + ${Object.keys(m.q2).length} groups)`);
    }
    rows.push({ engine, n, load_s: r.load_s, load_sql_s: r.load_sql_s, q1_ms: r.q1_ms, q2_ms: r.q2_ms });
  }
  for (const row of rows) appendFileSync(f.out, JSON.stringify(row) + '\n');
  if (failed) process.exit(1);
}

function report(path) {
  const rows = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const mandate = {};
  for (const r of rows) if (r.engine === 'mandate') mandate[r.n] = r;
  const fmt = (x, d) => x.toFixed(d);
  const lines = ['| engine | N | load s | query 1 ms | query 2 ms | ratio to mandate (q1, q2, load) |',
                 '|---|---:|---:|---:|---:|---|'];
  // The streaming floor first: the time to read the bytes query 1 reads, on every core.
  for (const m of Object.values(mandate)) {
    lines.push(`| streaming floor | ${m.n.toLocaleString('en-US')} | | ${fmt(m.floor_ms, 1)} | | ` +
               `${fmt(m.floor_gb_per_s ?? 0, 1)} GB/s |`);
  }
  for (const r of rows) {
    const m = mandate[r.n];
    const ratio = r.engine === 'mandate' ? '1'
      : `${fmt(r.q1_ms / m.q1_ms, 1)}×, ${fmt(r.q2_ms / m.q2_ms, 1)}×, ${fmt(r.load_s / m.load_s, 2)}×`;
    lines.push(`| ${r.engine} | ${r.n.toLocaleString('en-US')} | ${fmt(r.load_s, 2)} | ${fmt(r.q1_ms, 1)} | ${fmt(r.q2_ms, 1)} | ${ratio} |`);
  }
  lines.push('');
  for (const m of Object.values(mandate)) {
    lines.push(`N=${m.n.toLocaleString('en-US')}: streaming floor ${fmt(m.floor_ms, 1)} ms ` +
               `(${fmt(m.floor_gb_per_s ?? 0, 1)} GB/s); mandate query 1 = ${fmt(m.q1_ms / m.floor_ms, 2)}× ` +
               `and query 2 = ${fmt(m.q2_ms / m.floor_ms, 2)}× the floor (naive loop ` +
               `${fmt(m.naive_loop_ms ?? 0, 1)} ms); ${fmt(m.bytes_per_task, 1)} bytes/task without titles.`);
    const extra = [];
    if (m.load_json_ms !== undefined) extra.push(`the same tasks from the bundled JSON ${fmt(m.load_json_ms / 1e3, 2)} s`);
    if (m.snapshot_open_ms !== undefined) {
      extra.push(`snapshot open ${fmt(m.snapshot_open_ms, 1)} ms (${fmt((m.snapshot_bytes ?? 0) / 1e6, 0)} MB file)`);
    }
    if (extra.length) lines.push(`N=${m.n.toLocaleString('en-US')}: mandate ${extra.join('; ')}.`);
  }
  const sqlLoads = rows.filter((r) => r.load_sql_s !== undefined)
    .map((r) => `${r.engine} N=${r.n.toLocaleString('en-US')} ${fmt(r.load_sql_s, 2)} s`);
  lines.push(`Loading the pre-resolved CSV (not in "load s"): ${sqlLoads.join('; ')}.`);
  console.log(lines.join('\n'));
}

async function whole(f) {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await db.connect();
  await c.run(`CREATE TABLE tasks AS SELECT * FROM read_csv('${f.sql}', header = true, columns = {
    'id': 'BIGINT', 'assigned': 'DATE', 'due': 'DATE', 'completed': 'DATE', 'rule': 'VARCHAR',
    'lead1': 'VARCHAR', 'lead2': 'VARCHAR', 'lead3': 'VARCHAR', 'lead4': 'VARCHAR'})`);
  const rows = (await c.runAndReadAll(querySql((iso) => `DATE '${iso}'`, f['as-of'], '', '', false)))
    .getRows();
  console.log(rows.length);
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'run') await run(flags(rest));
else if (cmd === 'whole') await whole(flags(rest));
else if (cmd === 'report') report(rest[0]);
else {
  console.error('usage: node duckdb_compare.mjs run --n N --csv F --sql F --mandate F --out F | report F');
  process.exit(2);
}
