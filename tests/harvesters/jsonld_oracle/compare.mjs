// compare.mjs CONTEXTS.json HDCAT_DIR BASE_PREFIX FILE...
//
// Converts each JSON-LD FILE to RDF with jsonld.js (the reference processor)
// and compares it with hdcat's conversion in HDCAT_DIR/<name>.nt (or
// HDCAT_DIR/<name>.error when hdcat refused the document). The document
// loader serves only the contexts in CONTEXTS.json (hdcat's offline contexts)
// and refuses every other URL, so nothing is fetched. hdcat flattens named
// graphs into the default graph, so graph names are dropped here too; both
// sides are then canonicalised with RDFC-1.0 (URDNA2015) so that blank node
// labels do not matter, and the canonical N-Quads must be equal. A document
// both processors refuse is agreement; one refused by only one of them is a
// difference. Exit status 1 when any document differs.
import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import * as canonize from 'rdf-canonize';

const [contextsFile, hdcatDir, basePrefix, ...files] = process.argv.slice(2);
if (!contextsFile || !hdcatDir || !basePrefix || files.length === 0) {
  console.error('usage: compare.mjs CONTEXTS.json HDCAT_DIR BASE_PREFIX FILE...');
  process.exit(2);
}
const contexts = JSON.parse(fs.readFileSync(contextsFile, 'utf8'));

const documentLoader = async (url) => {
  if (Object.hasOwn(contexts, url)) return {contextUrl: null, document: contexts[url], documentUrl: url};
  throw new Error(`${url} is not one of hdcat's local contexts (nothing is fetched)`);
};

const canonical = (dataset) =>
  canonize.canonize(dataset, {algorithm: 'RDFC-1.0', format: 'application/n-quads'});

async function reference(file, name) {
  const document = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dataset = await jsonld.toRDF(document, {base: basePrefix + name, documentLoader, safe: false});
  for (const quad of dataset) quad.graph = {termType: 'DefaultGraph', value: ''};
  return canonical(dataset);
}

function lines(text) {
  return new Set(text.split('\n').filter((line) => line.length > 0));
}

let differences = 0;
let agreed = 0;
for (const file of files) {
  const name = path.basename(file);
  const ours = path.join(hdcatDir, name + '.nt');
  const oursError = path.join(hdcatDir, name + '.error');
  let expected;
  let referenceError;
  try {
    expected = await reference(file, name);
  } catch (error) {
    referenceError = error;
  }
  if (fs.existsSync(oursError)) {
    const message = fs.readFileSync(oursError, 'utf8').trim();
    if (referenceError) {
      console.log(`agree  ${name}: both refuse it (hdcat: ${message}; jsonld.js: ${referenceError.message})`);
      ++agreed;
    } else {
      console.log(`DIFFER ${name}: hdcat refuses it (${message}); jsonld.js reads ${lines(expected).size} triples`);
      ++differences;
    }
    continue;
  }
  if (referenceError) {
    console.log(`DIFFER ${name}: jsonld.js refuses it (${referenceError.message}${
      referenceError.details ? ' ' + JSON.stringify(referenceError.details).slice(0, 300) : ''}); hdcat accepts it`);
    ++differences;
    continue;
  }
  const actual = await canonical(canonize.NQuads.parse(fs.readFileSync(ours, 'utf8')));
  if (actual === expected) {
    console.log(`agree  ${name}: ${lines(expected).size} triples`);
    ++agreed;
    continue;
  }
  ++differences;
  const mine = lines(actual);
  const theirs = lines(expected);
  const onlyMine = [...mine].filter((line) => !theirs.has(line));
  const onlyTheirs = [...theirs].filter((line) => !mine.has(line));
  console.log(`DIFFER ${name}: hdcat ${mine.size} triples, jsonld.js ${theirs.size}`);
  for (const line of onlyMine.slice(0, 15)) console.log(`  only hdcat:     ${line}`);
  for (const line of onlyTheirs.slice(0, 15)) console.log(`  only jsonld.js: ${line}`);
}
console.log(`${agreed} documents agree, ${differences} differ`);
process.exit(differences === 0 ? 0 : 1);
