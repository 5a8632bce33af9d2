// Syntax check of Spark SQL files with dt-sql-parser's Spark 3.5 grammar: grammar only (function
// names, argument counts and types are not checked), and nothing is run.
//   node check.bundle.mjs FILE...      one line per error (file:line:column: message), then "spark-sql-check: N file(s) parse, N do not"
//   node check.bundle.mjs --self-test  the checker must accept a valid statement and refuse broken ones
// Exit 0 when every file (or the self-test) passes, 1 otherwise, 2 on a usage error.
// dt-sql-parser's ESM build does not load in plain node: run.sh bundles this file with esbuild first.
import { readFileSync } from 'node:fs';
import { SparkSQL } from 'dt-sql-parser';

const spark = new SparkSQL();

// ANTLR's console listener also prints every error to stderr: the returned list is what counts.
function errors(sql) {
    const consoleError = console.error;
    console.error = () => {};
    try {
        return spark.validate(sql);
    } finally {
        console.error = consoleError;
    }
}

function checkFiles(files) {
    let passed = 0;
    let failed = 0;
    for (const file of files) {
        const found = errors(readFileSync(file, 'utf8'));
        if (found.length === 0) {
            passed++;
            continue;
        }

        failed++;
        for (const e of found) {
            console.log(`${file}:${e.startLine}:${e.startColumn}: ${e.message}`);
        }
    }

    console.log(`spark-sql-check: ${passed} file(s) parse, ${failed} do not`);
    return failed === 0;
}

// Each broken statement is one a renderer could plausibly produce: DuckDB's lambda and cast syntax,
// a lost bracket or END, a comma after the last CTE. (A doubled quote, 'it''s', is not among them: Spark
// reads it as two adjacent literals, valid syntax of another meaning; SparkStatementTests looks for it.)
function selfTest() {
    const valid = "SELECT transform(split(s, ''), c -> c RLIKE '^\\\\z'), 'it\\'s' FROM lines";
    const broken = [
        'SELECT list_transform(a, lambda c: c) FROM lines',
        'SELECT a::BIGINT FROM lines',
        "SELECT (a RLIKE '^x' FROM lines",
        'SELECT CASE WHEN a THEN 1 FROM lines',
        'WITH a AS (SELECT 1 AS x), SELECT x FROM a',
    ];
    let ok = true;
    const validErrors = errors(valid);
    if (validErrors.length !== 0) {
        console.log(`self-test: a valid statement was refused: ${validErrors[0].message}\n  ${valid}`);
        ok = false;
    }

    for (const sql of broken) {
        if (errors(sql).length === 0) {
            console.log(`self-test: a broken statement passed:\n  ${sql}`);
            ok = false;
        }
    }

    console.log(ok ? `self-test: 1 valid statement accepted, ${broken.length} broken ones refused` : 'self-test failed');
    return ok;
}

const args = process.argv.slice(2);
if (args.length === 0) {
    console.error('usage: check.bundle.mjs FILE... | --self-test');
    process.exit(2);
}

process.exit((args.length === 1 && args[0] === '--self-test' ? selfTest() : checkFiles(args)) ? 0 : 1);
