// Visitor journeys through the hdcat pages in headless Chromium, in Japanese
// and in English: home → search → facet → dataset (versions, holder) → basket
// with datasets of two holders → compare; the same search → dataset path with
// JavaScript off; axe-core on every page (no serious or critical violation).
// Labels come from web/i18n/{ja,en}.json, so the test follows wording changes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Journey, firstNumber, launchBrowser, newVisitor } from './browser_support.mjs';

const sourceDir = process.env.HDCAT_SOURCE;
const messages = Object.fromEntries(['ja', 'en'].map((lang) => [
  lang, JSON.parse(readFileSync(path.join(sourceDir, 'web', 'i18n', `${lang}.json`), 'utf8'))]));
const languages = {
  ja: { query: '糖尿病', acceptLanguage: 'ja-JP,ja;q=0.9,en;q=0.5' },
  en: { query: 'diabetes', acceptLanguage: 'en-GB,en;q=0.9,ja;q=0.3' },
};

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function pageLanguage(page) {
  return page.locator('html').getAttribute('lang');
}

async function heading(page) {
  return (await page.locator('main h1').first().textContent()).trim();
}

// Navigates by clicking and waits for the next document to be loaded.
async function follow(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

// "holder/identifier" of a dataset page link.
function datasetRef(href) {
  const match = /\/datasets\/([^/?#]+)\/([^/?#]+)/.exec(href);
  assert.ok(match, `not a dataset link: ${href}`);
  return `${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`;
}

async function resultCount(page) {
  return firstNumber(await page.locator('.result-count').textContent());
}

// The hits on a results page: title, link and dataset ref, in rank order.
async function hits(page) {
  return page.locator('.results .result h3 a').evaluateAll((links) =>
    links.map((link) => ({ title: link.textContent.trim(), href: link.getAttribute('href') })))
    .then((list) => list.map((hit) => ({ ...hit, ref: datasetRef(hit.href) })));
}

// Every facet value on a results page with its facet heading and count.
async function facetValues(page) {
  return page.locator('.search-facets .facet').evaluateAll((facets) => facets.flatMap((facet) => {
    const name = facet.querySelector('h3').textContent.trim();
    return [...facet.querySelectorAll('li')].map((item) => {
      const link = item.querySelector('a.facet-value');
      const visible = link.cloneNode(true);
      visible.querySelectorAll('.check, .visually-hidden').forEach((hidden) => hidden.remove());
      return { facet: name, href: link.getAttribute('href'), selected: link.classList.contains('selected'),
        label: visible.textContent.trim(), count: item.querySelector('.count').textContent };
    });
  }));
}

async function searchFrom(page, query) {
  await page.locator('#q').fill(query);
  await Promise.all([page.waitForURL(/\/search\?/), page.locator('#q').press('Enter')]);
}

function languageJourneys(lang) {
  const t = messages[lang];
  const other = lang === 'ja' ? 'en' : 'ja';
  const { query, acceptLanguage } = languages[lang];

  test(`${lang}: search, facet, dataset, versions, holder, basket and compare`, async () => {
    const journey = new Journey(lang);
    const context = await newVisitor(browser, { acceptLanguage });
    const page = await context.newPage();
    try {
      // Home, in the language the browser asks for.
      await page.goto('/');
      assert.equal(await pageLanguage(page), lang);
      assert.equal(await heading(page), t.home_heading);
      await journey.check(page, 'home');

      // The language switch goes to the other language and back.
      await follow(page, page.locator('.language-switch a'));
      assert.equal(await pageLanguage(page), other);
      assert.equal(await heading(page), messages[other].home_heading);
      await journey.screenshot(page, `home-switched-to-${other}`);
      await follow(page, page.locator('.language-switch a'));
      assert.equal(await pageLanguage(page), lang);

      // Search.
      await searchFrom(page, query);
      assert.equal(await pageLanguage(page), lang);
      const total = await resultCount(page);
      const allHits = await hits(page);
      assert.ok(total > 0 && allHits.length > 0, `"${query}" finds nothing`);
      const resultsUrl = page.url();
      await journey.check(page, 'results');

      // A facet value that narrows the results: a coding system, else a holder type, else any.
      const values = (await facetValues(page)).map((value) => ({ ...value, count: firstNumber(value.count) }));
      const narrowing = values.filter((value) => value.count > 0 && value.count < total);
      const facet = [t.facet_coding_system, t.facet_holder_type]
        .map((name) => narrowing.find((value) => value.facet === name)).find(Boolean) ?? narrowing[0];
      assert.ok(facet, `no facet value narrows the ${total} results`);
      await follow(page, page.locator(`.search-facets a.facet-value[href="${facet.href}"]`));
      const narrowed = await resultCount(page);
      assert.ok(narrowed < total, `${facet.facet}=${facet.label}: ${narrowed} results, not fewer than ${total}`);
      assert.equal(narrowed, facet.count, `${facet.facet}=${facet.label} promised ${facet.count} results`);
      const active = (await facetValues(page)).find((value) => value.facet === facet.facet && value.label === facet.label);
      assert.ok(active?.selected, `${facet.facet}=${facet.label} is not marked as selected`);
      const filters = await page.locator('.active-filters li').allTextContents();
      assert.ok(filters.some((text) => text.includes(facet.label)), `active filters ${JSON.stringify(filters)} lack ${facet.label}`);
      await journey.check(page, 'results-facet');

      // The first narrowed hit's dataset page.
      const [first] = await hits(page);
      await follow(page, page.locator('.results .result h3 a').first());
      assert.equal(await pageLanguage(page), lang);
      assert.equal(await heading(page), first.title);
      assert.ok(await page.locator('table.variables tbody tr').count() > 0, `${first.ref} shows no variables table`);
      const jsonld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
      assert.ok([].concat(jsonld['@type']).includes('Dataset'), `JSON-LD @type is ${JSON.stringify(jsonld['@type'])}`);
      await journey.check(page, 'dataset');
      const datasetUrl = page.url();

      await follow(page, page.getByRole('link', { name: t.versions_all }));
      assert.match(page.url(), /\/versions/);
      await journey.check(page, 'versions');

      await page.goto(datasetUrl);
      const holderLink = page.locator('nav.breadcrumbs a[href^="/holders/"]');
      const holderName = (await holderLink.textContent()).trim();
      await follow(page, holderLink);
      assert.ok((await heading(page)).includes(holderName), `holder page heading lacks ${holderName}`);
      await journey.check(page, 'holder');

      await follow(page, page.getByRole('link', { name: t.nav_holders, exact: true }).first());
      await journey.check(page, 'holders');

      // The dataset page's compare link opens the comparison with that dataset.
      await page.goto(datasetUrl);
      await follow(page, page.getByRole('link', { name: t.compare_link }));
      assert.equal(await page.locator('table.compare thead th[scope=col]').count(), 1);
      await journey.screenshot(page, 'compare-one');

      // Basket: this dataset, then two more hits, one of them from another holder.
      await page.goto(datasetUrl);
      await follow(page, page.locator('.dataset-actions').getByRole('button', { name: t.basket_add }));
      assert.equal(page.url(), datasetUrl, 'adding to the basket returns to the dataset page');
      await page.goto(resultsUrl);
      const holderOf = (ref) => ref.split('/')[0];
      const second = allHits.find((hit) => holderOf(hit.ref) !== holderOf(first.ref));
      assert.ok(second, `"${query}" finds datasets of one holder only`);
      // A third from one of those two holders when there is one, so that a group holds two datasets.
      const unchosen = allHits.filter((hit) => hit.ref !== first.ref && hit.ref !== second.ref);
      const third = unchosen.find((hit) => [first, second].some((chosen) => holderOf(chosen.ref) === holderOf(hit.ref)))
        ?? unchosen[0];
      assert.ok(third, `"${query}" finds fewer than three datasets`);
      for (const hit of [second, third]) {
        const result = page.locator('.results .result').filter({ has: page.locator(`h3 a[href="${hit.href}"]`) });
        await follow(page, result.getByRole('button', { name: t.basket_add }));
      }
      await follow(page, page.locator('.site-header nav a[href^="/basket"]'));
      assert.equal(await heading(page), t.basket_heading);
      const chosen = [first, second, third];
      const groups = await page.locator('.basket-group').evaluateAll((sections) => sections.map((section) => ({
        holder: section.querySelector('h2 a').getAttribute('href'),
        items: [...section.querySelectorAll('.basket-items li > a')].map((link) => link.getAttribute('href')),
      })));
      const expectedHolders = [...new Set(chosen.map((hit) => holderOf(hit.ref)))];
      assert.deepEqual(groups.map((group) => group.holder.split('?')[0].replace('/holders/', '')), expectedHolders);
      for (const group of groups) {
        const holder = group.holder.split('?')[0].replace('/holders/', '');
        assert.deepEqual(group.items.map(datasetRef), chosen.filter((hit) => holderOf(hit.ref) === holder).map((hit) => hit.ref));
      }
      await journey.check(page, 'basket');

      // The basket's datasets side by side.
      await follow(page, page.getByRole('link', { name: t.basket_compare }));
      const columns = await page.locator('table.compare thead th[scope=col]').allTextContents();
      const basketOrder = groups.flatMap((group) => group.items.map(datasetRef));
      const titleOf = new Map(chosen.map((hit) => [hit.ref, hit.title]));
      assert.deepEqual(columns.map((text) => text.trim()), basketOrder.map((ref) => titleOf.get(ref)));
      assert.ok(await page.locator('table.compare tbody tr').count() > 0);
      await journey.check(page, 'compare');

      assert.deepEqual(journey.blockingViolations(), [], 'serious or critical accessibility violations');
    } finally {
      await context.close();
    }
  });

  test(`${lang}: without JavaScript, search, dataset page and basket still work`, async () => {
    const journey = new Journey(`${lang}-nojs`);
    const context = await newVisitor(browser, { acceptLanguage, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto('/');
      assert.equal(await pageLanguage(page), lang);
      await journey.screenshot(page, 'home');
      await searchFrom(page, query);
      assert.ok(await resultCount(page) > 0);
      await journey.screenshot(page, 'results');
      const [first] = await hits(page);
      await follow(page, page.locator('.results .result h3 a').first());
      assert.equal(await heading(page), first.title);
      assert.ok(await page.locator('table.variables tbody tr').count() > 0);
      await journey.screenshot(page, 'dataset');
      await follow(page, page.locator('.dataset-actions').getByRole('button', { name: t.basket_add }));
      await follow(page, page.locator('.site-header nav a[href^="/basket"]'));
      const items = await page.locator('.basket-items li > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      assert.deepEqual(items.map(datasetRef), [first.ref]);
      await journey.screenshot(page, 'basket');
    } finally {
      await context.close();
    }
  });
}

// Two journeys at a time, each in its own browser context (own cookies and language).
describe('hdcat pages in a browser', { concurrency: 2 }, () => {
  for (const lang of ['ja', 'en']) languageJourneys(lang);
});
