// Lint Cypher statements with Neo4j's own front end, as Neo4j 5 would parse and check them.
// stdin:  {"statements": [{"id": "...", "text": "CYPHER"}]}
// stdout: {"results": [{"id": "...", "diagnostics": [{"severity", "message", "line", "column"}]}]}
// Parameters are runtime values, so each statement's $names are declared before linting;
// labels, types and properties are not checked (the database decides those).
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const PARAMETER = /\$(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)/g;

function readStdin() {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

function lintOne(text) {
  const parameters = {};
  for (const match of text.matchAll(PARAMETER)) {
    parameters[match[1].replace(/`/g, '')] = null;
  }
  const { diagnostics } = lintCypherQuery(text, { parameters, defaultLanguage: 'CYPHER 5' });
  return diagnostics.map((d) => ({
    severity: SEVERITY[d.severity] ?? String(d.severity),
    message: d.message,
    line: (d.range?.start?.line ?? 0) + 1,
    column: (d.range?.start?.character ?? 0) + 1,
  }));
}

let input;
try {
  input = JSON.parse(await readStdin());
  if (!Array.isArray(input.statements)) throw new Error('"statements" must be a list');
} catch (e) {
  process.stderr.write(`cypher-lint: bad input: ${e.message}\n`);
  process.exit(2);
}
const results = input.statements.map(({ id, text }) => ({ id, diagnostics: lintOne(String(text)) }));
process.stdout.write(JSON.stringify({ results }));
