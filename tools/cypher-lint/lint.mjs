// Lint Cypher statements with Neo4j's own Cypher front end (@neo4j-cypher/language-support), offline.
//
//   stdin:  {"statements": [{"id": "...", "text": "CYPHER", "params": ["name", ...]}]}  ("params" optional)
//   stdout: {"results": [{"id": "...", "diagnostics": [
//              {"severity": "error"|"warning", "message": "...", "line": N, "column": N}]}]}
//
// - Statements are checked as Cypher 5, what a Neo4j 5 server runs, unless the text starts with its
//   own version prefix (`CYPHER 25 ...`).
// - No database schema is given, so labels, relationship types, properties, functions and
//   procedures are not checked against a database: the database decides those.
// - Parameters: with "params", a $name not listed is an error; without it, every $name is taken
//   as supplied at run time.
// - line and column are 1-based. Exit code 0 whenever the input could be read, whatever the
//   findings; 2 with a message on stderr when the input is malformed.
import { readFileSync } from 'node:fs';
import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';

const CYPHER_VERSION = 'CYPHER 5';
const LSP_ERROR = 1; // DiagnosticSeverity.Error in the language server protocol

function readInput() {
  let input;
  try {
    input = JSON.parse(readFileSync(0, 'utf8'));
  } catch (e) {
    throw new Error(`stdin is not JSON: ${e.message}`);
  }
  if (!Array.isArray(input?.statements)) throw new Error('expected {"statements": [...]}');
  const seen = new Set();
  for (const [i, s] of input.statements.entries()) {
    if (typeof s?.id !== 'string') throw new Error(`statements[${i}]: "id" must be a string`);
    if (seen.has(s.id)) throw new Error(`statements[${i}]: duplicate id ${JSON.stringify(s.id)}`);
    seen.add(s.id);
    if (typeof s.text !== 'string') throw new Error(`statement ${s.id}: "text" must be a string`);
    const params = s.params ?? null;
    if (params !== null && !(Array.isArray(params) && params.every((p) => typeof p === 'string'))) {
      throw new Error(`statement ${s.id}: "params" must be a list of names`);
    }
  }
  return input.statements.map((s) => ({ id: s.id, text: s.text, params: s.params ?? null }));
}

function lintStatement({ text, params }) {
  if (text.trim() === '') {
    return [{ severity: 'error', message: 'Empty statement', line: 1, column: 1 }];
  }
  const schema = { defaultLanguage: CYPHER_VERSION };
  if (params !== null) schema.parameters = Object.fromEntries(params.map((name) => [name, true]));
  const { diagnostics } = lintCypherQuery(text, schema, { consoleCommandsEnabled: false });
  return diagnostics
    .filter((d) => params !== null || isNotParamError(d))
    .map((d) => ({
      severity: d.severity === LSP_ERROR ? 'error' : 'warning',
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    }));
}

let statements;
try {
  statements = readInput();
} catch (e) {
  process.stderr.write(`cypher-lint: malformed input: ${e.message}\n`);
  process.exit(2);
}
const results = statements.map((s) => ({ id: s.id, diagnostics: lintStatement(s) }));
process.stdout.write(JSON.stringify({ results }) + '\n');
