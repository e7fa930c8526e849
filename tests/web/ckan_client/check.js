// Drives hdcat's CKAN Action API with ckan.js, the CKAN project's own client
// (npm "ckan"), the way a portal or harvester built on it would: status,
// listing, searching with q/fq/facets/paging, showing, and an error.
// Usage: node check.js http://127.0.0.1:PORT   (exit 0 = every check held)
'use strict';
const assert = require('assert');
const CKAN = require('ckan');

const client = new CKAN.Client(process.argv[2]);
const call = (name, data) =>
  new Promise((resolve, reject) => client.action(name, data, (err, body) => (err ? reject(err) : resolve(body))));

async function main() {
  const status = await call('status_show', {});
  assert.strictEqual(status.success, true);
  assert.match(status.result.ckan_version, /^2\.10\./);

  const names = (await call('package_list', {})).result;
  assert.ok(names.length > 0, 'package_list is empty');

  // Walk every page as harvesters do, until a page comes back empty.
  const seen = [];
  for (let start = 0; ; start += 7) {
    const page = (await call('package_search', {q: '*:*', rows: 7, start, sort: 'id asc'})).result;
    assert.strictEqual(page.count, names.length);
    if (page.results.length === 0) break;
    for (const pkg of page.results) seen.push(pkg.name);
  }
  assert.deepStrictEqual([...seen].sort(), [...names].sort());

  const first = (await call('package_show', {id: names[0]})).result;
  assert.strictEqual(first.name, names[0]);
  const org = first.organization.name;

  const filtered = (await call('package_search', {fq: `organization:"${org}"`, 'facet.field': ['organization', 'tags'], rows: 1000})).result;
  assert.ok(filtered.count >= 1);
  assert.ok(filtered.results.every((pkg) => pkg.organization.name === org));
  assert.strictEqual(filtered.facets.organization[org], filtered.count);
  const shown = (await call('organization_show', {id: org, include_datasets: true})).result;
  assert.strictEqual(shown.packages.length, filtered.count);

  const japanese = (await call('package_search', {q: 'データ'})).result;
  assert.ok(japanese.count > 0, 'no result for a Japanese word');

  const orgs = (await call('organization_list', {all_fields: true})).result;
  assert.ok(orgs.some((o) => o.name === org));

  // ckan.js reports a non-200 answer as an error carrying the CKAN error body.
  await assert.rejects(call('package_show', {id: 'ds-0000000000000000'}), /HTTP code 404[\s\S]*Not Found Error/);
  await assert.rejects(call('package_search', {rows: -1}), /HTTP code 409[\s\S]*Validation Error/);
  console.log('ckan.js checks: ' + (seen.length) + ' datasets walked, all checks held');
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
