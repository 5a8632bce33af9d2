// The DuckDB peer of the Sessionizer benchmark: runs one SQL file (lean.sql or full.sql) on one
// hourly window of visit logs and writes its outputs in the layout of `sessionizer run`.
//
//   node peer.mjs lean.sql --input ROOT --window 2026-11-20T10 --output DIR [--threads N]
//       [--memory-limit 2GB] [--inactivity-timeout-ms 300000] [--max-rejected-fraction 0.01]
//
// The SQL file holds {{NAME}} placeholders (paths, window bounds, parameters) that are replaced
// here, as text, before it runs; each statement's time goes to standard error.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

function usage(message) {
    console.error(`peer.mjs: ${message}`);
    console.error('usage: node peer.mjs FILE.sql --input ROOT --window yyyy-MM-ddTHH --output DIR [--threads N] [--memory-limit SIZE]');
    process.exit(2);
}

const args = process.argv.slice(2);
const sqlFile = args.shift();
if (!sqlFile || sqlFile.startsWith('--')) {
    usage('the SQL file comes first');
}

const options = {
    input: null,
    window: null,
    output: null,
    threads: null,
    'memory-limit': null,
    'inactivity-timeout-ms': '300000',
    'max-session-duration-ms': String(24 * 3600 * 1000),
    'max-rejected-fraction': '0.01',
};
while (args.length > 0) {
    const name = args.shift();
    if (!name.startsWith('--') || !(name.slice(2) in options) || args.length === 0) {
        usage(`unknown option or missing value: ${name}`);
    }
    options[name.slice(2)] = args.shift();
}
for (const required of ['input', 'window', 'output']) {
    if (!options[required]) {
        usage(`--${required} is required`);
    }
}

const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/.exec(options.window);
if (!match) {
    usage(`--window ${options.window} is not yyyy-MM-ddTHH`);
}
const [, yyyy, MM, dd, HH] = match;
const windowStartMs = Date.UTC(+yyyy, +MM - 1, +dd, +HH);
const partition = `${yyyy}/${MM}/${dd}/${HH}`;
const output = resolve(options.output);
const outputs = {
    CLOSED_PATH: join(output, 'closed-sessions', partition, 'part-00000.json.gz'),
    ACTIVE_PATH: join(output, 'active-sessions', partition, 'part-00000.json'),
    REJECTED_PATH: join(output, 'rejected', partition, 'part-00000.json.gz'),
};
for (const path of Object.values(outputs)) {
    mkdirSync(join(path, '..'), { recursive: true });
}
const spill = join(output, '_duckdb_tmp');

const values = {
    ...outputs,
    // Every .json / .jsonl file of the window's folder (and its subfolders), plain or gzip.
    INPUT_GLOB: join(resolve(options.input), partition, '**', '*.json*'),
    INPUT_ROOT: resolve(options.input),
    WINDOW: options.window,
    WINDOW_START_MS: String(windowStartMs),
    WINDOW_END_MS: String(windowStartMs + 3_600_000),
    TIMEOUT_MS: options['inactivity-timeout-ms'],
    MAX_DURATION_MS: options['max-session-duration-ms'],
    MAX_REJECTED_FRACTION: options['max-rejected-fraction'],
};
const sql = readFileSync(sqlFile, 'utf8').replace(/\{\{([A-Z_]+)\}\}/g, (all, name) => {
    if (!(name in values)) {
        usage(`${sqlFile} uses an unknown placeholder ${all}`);
    }
    return values[name].replaceAll("'", "''");
});

const config = { temp_directory: spill };
if (options.threads) {
    config.threads = options.threads;
}
if (options['memory-limit']) {
    config.memory_limit = options['memory-limit'];
}

const started = performance.now();
const instance = await DuckDBInstance.create(':memory:', config);
const connection = await instance.connect();
try {
    const statements = await connection.extractStatements(sql);
    for (let i = 0; i < statements.count; i++) {
        const t0 = performance.now();
        const prepared = await statements.prepare(i);
        try {
            await prepared.run();
        } finally {
            prepared.destroySync();
        }
        console.error(`statement ${i + 1}/${statements.count}: ${((performance.now() - t0) / 1000).toFixed(3)} s`);
    }
} catch (e) {
    console.error(`peer.mjs: ${sqlFile} failed: ${e.message}`);
    process.exitCode = 1;
} finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
}
console.error(`${sqlFile}: ${((performance.now() - started) / 1000).toFixed(3)} s`);
