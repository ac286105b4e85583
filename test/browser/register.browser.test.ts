/**
 * The register pages in a real browser (Chromium, no JavaScript needed by the pages):
 * a beheerder opens Heemstede–Bloemendaal, adds a team and records its integration level;
 * a bad value gets a Dutch field message with the input kept; a raadslid sees staffing
 * without names and is refused an employee page; axe-core finds no serious or critical
 * accessibility problems on the main pages.
 */
import { describe, test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { missingBrowser, newContext, screenshot, seriousViolations, signIn, startHarness, submit, type Harness } from './harness.ts';

const HB = '/samenwerkingen/heemstede-bloemendaal';

describe('register pages in the browser', () => {
  const skipReason = missingBrowser();
  let h: Harness | undefined;
  /** An employee page and that employee's name, found through the beheerder's team page. */
  let employee: { href: string; name: string } | undefined;

  before(async () => { if (!skipReason) h = await startHarness(); });
  after(async () => { await h?.stop(); });

  const ready = (t: TestContext): Harness | undefined => {
    if (skipReason) t.skip(skipReason);
    return skipReason ? undefined : h;
  };

  test('a beheerder opens the cooperation and sees teams, levels and the timeline', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context, cspErrors } = await newContext(harness);
    const page = await signIn(context, 'beheerder@vlecht.demo');
    assert.equal(await page.locator('h1').textContent(), 'Samenwerkingen');
    await page.getByRole('link', { name: 'Ambtelijke samenwerking Heemstede–Bloemendaal' }).click();
    await page.waitForURL(`**${HB}`);
    assert.equal(await page.locator('h1').count(), 1);
    const teams = page.getByRole('table', { name: /Teams en hun huidige mate van vervlechting/ });
    assert.match(await teams.innerText(), /P&O\s+4 volledig vervlochten\s+01-01-2017/);
    assert.match(await page.getByRole('table', { name: /Deelnemende gemeenten/ }).innerText(), /Heemstede\s+GM0397\s+Centrumgemeente\s+01-12-2013/);
    assert.equal(await page.getByRole('img', { name: /Mate van vervlechting per team door de tijd/ }).count(), 1, 'timeline SVG with a name');
    await page.getByText('Tijdlijn als tabel').click();
    assert.match(await page.getByRole('table', { name: /Mate van vervlechting per team door de tijd/ }).innerText(), /Informatisering en ICT \(GRIT\)\s+05-10-2015\s+4 – volledig vervlochten/);
    await screenshot(page, 'vlecht-samenwerking');
    assert.deepEqual(cspErrors, []);
    await context.close();
  });

  test('a beheerder creates a team and records its integration level, which shows in the history', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context, cspErrors } = await newContext(harness);
    const page = await signIn(context, 'beheerder@vlecht.demo');
    await page.goto(HB);
    await page.getByRole('link', { name: 'Team toevoegen' }).click();
    await page.getByLabel('Naam', { exact: true }).fill('Juridische Zaken');
    await page.getByLabel('Trekkende gemeente', { exact: true }).selectOption('GM0397');
    await page.getByLabel('BBV-taakveld', { exact: true }).fill('0.4');
    assert.equal(await submit(page, 'Team aanmaken'), 303, 'POST-redirect-GET');
    assert.match(page.url(), /\/teams\/juridische-zaken\?gelukt=aangemaakt$/);
    assert.equal(await page.locator('h1').textContent(), 'Juridische Zaken');
    assert.match(await page.getByRole('status').innerText(), /Het team is aangemaakt/);

    await page.getByLabel('Mate van vervlechting', { exact: true }).selectOption('3');
    await page.getByLabel('Geldig vanaf', { exact: true }).fill('01-03-2024');
    await page.getByLabel('Besluit (verwijzing)', { exact: true }).fill('Collegebesluiten 2024-17');
    await page.getByLabel('Toelichting', { exact: true }).fill('Eén teamleider voor beide gemeenten.');
    assert.equal(await submit(page, 'Vastleggen'), 303);
    const history = page.getByRole('table', { name: /Geschiedenis van de mate van vervlechting/ });
    assert.match(await history.innerText(), /01-03-2024\s+3 onder één leiding\s+Collegebesluiten 2024-17/);
    await page.goto(HB);
    assert.match(await page.getByRole('table', { name: /Teams en hun huidige/ }).innerText(), /Juridische Zaken\s+3 onder één leiding\s+01-03-2024/);
    assert.deepEqual(cspErrors, []);
    await context.close();
  });

  test('bad values get Dutch field messages, the right status and keep what was typed', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context } = await newContext(harness);
    const page = await signIn(context, 'beheerder@vlecht.demo');
    await page.goto(`${HB}/teams/communicatie`);
    await page.getByLabel('Mate van vervlechting', { exact: true }).selectOption('5');
    await page.getByLabel('Geldig vanaf', { exact: true }).fill('31-02-2020');
    await page.getByLabel('Besluit (verwijzing)', { exact: true }).fill('Besluit dat blijft staan');
    assert.equal(await submit(page, 'Vastleggen'), 400);
    const summary = page.getByRole('alert');
    assert.match(await summary.innerText(), /Geldig vanaf: dit is geen bestaande datum; schrijf dd-mm-jjjj/);
    const date = page.getByLabel('Geldig vanaf', { exact: true });
    assert.equal(await date.inputValue(), '31-02-2020');
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Besluit (verwijzing)', { exact: true }).inputValue(), 'Besluit dat blijft staan');
    assert.equal(await page.getByLabel('Mate van vervlechting', { exact: true }).inputValue(), '5');
    await screenshot(page, 'vlecht-foutmelding');

    await page.goto(`${HB}/teams/nieuw`);
    await page.getByLabel('Leidinggevende', { exact: true }).fill('Iemand');
    assert.equal(await submit(page, 'Team aanmaken'), 400);
    assert.match(await page.getByRole('alert').innerText(), /Naam: vul dit veld in/);
    assert.equal(await page.getByLabel('Leidinggevende', { exact: true }).inputValue(), 'Iemand');
    await context.close();
  });

  test('a raadslid sees staffing per employer but no names, and no employee page', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const manager = await newContext(harness);
    const mPage = await signIn(manager.context, 'beheerder@vlecht.demo');
    await mPage.goto(`${HB}/teams/p-en-o`);
    const first = mPage.getByRole('table', { name: /Medewerkers van P&O/ }).getByRole('link').first();
    employee = { href: (await first.getAttribute('href'))!, name: (await first.innerText()).trim() };
    assert.match(employee.href, /^\/medewerkers\/[0-9a-f-]{36}$/);
    await manager.context.close();

    const { context } = await newContext(harness);
    const page = await signIn(context, 'raadslid.heemstede@vlecht.demo');
    await page.goto(`${HB}/teams/p-en-o`);
    const staffing = await page.getByRole('table', { name: /Bezetting van P&O per werkgever/ }).innerText();
    assert.match(staffing, /Heemstede\s+\d+\s+\d+,\d{2}/);
    assert.match(staffing, /Totaal\s+\d+\s+\d+,\d{2}/);
    const html = await page.content();
    assert.doesNotMatch(html, /href="\/medewerkers\//, 'no links to employees');
    assert.ok(!html.includes(employee.name), 'no employee names');
    assert.equal(await page.getByRole('link', { name: 'Team bewerken' }).count(), 0, 'no edit link');
    const response = await page.goto(employee.href);
    assert.equal(response?.status(), 403);
    assert.match(await page.locator('main').innerText(), /U heeft geen toegang/);
    await context.close();
  });

  test('axe-core finds no serious or critical problems on the main pages', async (t) => {
    const harness = ready(t);
    if (!harness) return;
    const { context } = await newContext(harness, { forAxe: true });
    const page = await context.newPage();
    const problems: string[] = [];
    const check = async (label: string) => {
      const { count, report } = await seriousViolations(page);
      if (count) problems.push(`${label} (${page.url()}):\n${report}`);
    };
    await page.goto('/aanmelden');
    await check('login');
    await page.getByLabel('E-mailadres', { exact: true }).fill('beheerder@vlecht.demo');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('vlecht-demo-2026');
    await Promise.all([page.waitForURL('**/samenwerkingen'), page.getByRole('button', { name: 'Aanmelden', exact: true }).click()]);
    await check('cooperations overview');
    await screenshot(page, 'vlecht-overzicht');
    await page.goto(HB);
    await check('cooperation page');
    await page.goto(`${HB}/teams/p-en-o`);
    await check('team page');
    await screenshot(page, 'vlecht-team');
    const href = await page.getByRole('table', { name: /Medewerkers van P&O/ }).getByRole('link').first().getAttribute('href');
    await page.goto(href!);
    await check('employee page');
    await screenshot(page, 'vlecht-medewerker');
    await page.goto('/gemeenten?q=bloem');
    await check('municipalities');
    await context.close();
    assert.equal(problems.length, 0, `axe-core violations:\n${problems.join('\n\n')}`);
  });
});
