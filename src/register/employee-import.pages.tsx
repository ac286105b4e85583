/**
 * The HR import in the browser: upload → map the export's columns (pre-filled from the
 * usual names, remembered in this browser per municipality) → preview new / changed /
 * left → confirm. The file travels in the form (base64), so any app instance can finish
 * the flow and nothing half-done stays on the server.
 */
import { Hono, type Context } from 'hono';
import { Readable } from 'node:stream';
import type { AppEnv } from '../platform/http/env.ts';
import { signedIn } from '../platform/http/edge.ts';
import { renderPage } from '../platform/http/render.tsx';
import { Csrf, ErrorSummary, SubmitButton, TextField } from '../platform/ui/form.tsx';
import { formatDate, formatNumber, parseDutchDate } from '../platform/i18n/format.ts';
import { isVlechtError, type FieldIssue } from '../platform/errors.ts';
import { headerOf } from '../platform/import/table-file.ts';
import { matchHeader } from '../platform/import/columns.ts';
import { EMPLOYEE_COLUMNS, type EmployeeColumn } from './employee-import.ts';
import { importEmployees, MAPPING_KIND, type EmployeeImportResult } from './employee-import.service.ts';
import { rememberedMapping } from './import-mapping.service.ts';

const MAX_BYTES = 5 * 1024 * 1024;

function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

function MappingForm({ c, cbs, fileName, content, header, mapping, peildatum }: { c: Context<AppEnv>; cbs: string; fileName: string; content: string; header: string[]; mapping: Partial<Record<EmployeeColumn, string>>; peildatum: string }) {
  return (
    <form method="post" action={`/gemeenten/${cbs}/medewerkers/import/voorbeeld`} class="vlecht-form">
      <Csrf token={c.get('csrfToken')} />
      <Hidden name="bestandsnaam" value={fileName} />
      <Hidden name="inhoud" value={content} />
      <h2 class="utrecht-heading-2">Kolommen koppelen</h2>
      <p class="utrecht-paragraph">Kies per veld de kolom uit <strong>{fileName}</strong>. Vlecht vult in wat het herkent; de keuze wordt in deze browser onthouden voor deze gemeente.</p>
      {EMPLOYEE_COLUMNS.map((col) => (
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={`veld-kolom-${col.key}`}>{col.key}{col.required ? ' (verplicht)' : ''}</label>
          <div class="utrecht-form-field-description" id={`uitleg-kolom-${col.key}`}>{col.help}</div>
          <select class="utrecht-select utrecht-select--html-select" id={`veld-kolom-${col.key}`} name={`kolom.${col.key}`} aria-describedby={`uitleg-kolom-${col.key}`}>
            <option value="">— niet in het bestand —</option>
            {header.filter(Boolean).map((h) => <option value={h} selected={mapping[col.key] === h}>{h}</option>)}
          </select>
        </div>
      ))}
      <TextField name="peildatum" label="Peildatum van de export (dd-mm-jjjj)" value={peildatum} issues={[]} description="Wijzigingen zonder eigen datum gaan in op deze datum; wie ontbreekt, vertrekt per deze datum." />
      <div><SubmitButton>Voorbeeld tonen</SubmitButton></div>
    </form>
  );
}

function Preview({ r }: { r: EmployeeImportResult }) {
  return (
    <>
      <p class="utrecht-paragraph">{formatNumber(r.rowsInFile)} regels, peildatum {formatDate(r.peildatum)}: {r.new.length} nieuw, {r.changed.length} gewijzigd, {r.left.length} vertrokken, {r.unchanged} ongewijzigd.</p>
      {r.new.length > 0 && <><h3 class="utrecht-heading-3">Nieuw</h3><ul>{r.new.map((n) => <li>{n.personnelNumber} {n.name}, vanaf {formatDate(n.validFrom)}</li>)}</ul></>}
      {r.changed.length > 0 && <><h3 class="utrecht-heading-3">Gewijzigd</h3><ul>{r.changed.map((n) => <li>{n.personnelNumber} {n.name}: {n.what.join(', ')} vanaf {formatDate(n.validFrom)}</li>)}</ul></>}
      {r.left.length > 0 && <><h3 class="utrecht-heading-3">Vertrokken</h3><ul>{r.left.map((n) => <li>{n.personnelNumber} {n.name}, per {formatDate(n.validTo)}</li>)}</ul></>}
    </>
  );
}

function ProblemTable({ issues }: { issues: FieldIssue[] }) {
  return (
    <div class="utrecht-table-container">
      <table class="utrecht-table">
        <caption>Er is niets geïmporteerd: alle problemen per regel</caption>
        <thead><tr><th scope="col">Regel</th><th scope="col">Kolom</th><th scope="col">Waarde</th><th scope="col">Probleem</th></tr></thead>
        <tbody>{issues.map((i) => <tr><td class="vlecht-num">{i.row ?? ''}</td><td>{i.field}</td><td>{String(i.value ?? '')}</td><td>{i.message}</td></tr>)}</tbody>
      </table>
    </div>
  );
}

export function employeeImportPages() {
  const app = new Hono<AppEnv>();
  const page = (c: Context<AppEnv>, cbs: string, body: unknown, status: 200 | 400 = 200) => renderPage(c, 'Medewerkers importeren', (
    <>
      <h1 class="utrecht-heading-1">Medewerkers importeren ({cbs})</h1>
      {body as never}
    </>
  ), { status, breadcrumbs: [{ href: '/gemeenten', label: 'Gemeenten' }, { href: `/gemeenten/${cbs}`, label: cbs }] });

  app.get('/gemeenten/:cbs/medewerkers/import', async (c) => {
    const cbs = c.req.param('cbs').toUpperCase();
    // The mapping read checks personal:write on the employer: only who may import sees the form.
    await rememberedMapping(signedIn(c), cbs, MAPPING_KIND);
    return page(c, cbs, (
      <form method="post" action={`/gemeenten/${cbs}/medewerkers/import`} enctype="multipart/form-data" class="vlecht-form">
        <Csrf token={c.get('csrfToken')} />
        <p class="utrecht-paragraph">Een export uit het HR-systeem (CSV of Excel, hoogstens 5 MB) met per medewerker: personeelsnummer, naam, team, fte en eventueel functie, uurtarief, ingangs- en einddatum. De kolomnamen mogen anders heten; die koppelt u in de volgende stap.</p>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="veld-bestand">Bestand</label>
          <input class="utrecht-textbox utrecht-textbox--html-input" type="file" id="veld-bestand" name="bestand" accept=".csv,.xlsx" required />
        </div>
        <div><SubmitButton>Volgende: kolommen koppelen</SubmitButton></div>
      </form>
    ));
  });

  app.post('/gemeenten/:cbs/medewerkers/import', async (c) => {
    const cbs = c.req.param('cbs').toUpperCase();
    // Authorisation before the file is looked at (the mapping read checks personal:write).
    const remembered = (await rememberedMapping(signedIn(c), cbs, MAPPING_KIND)).mapping;
    const body = await c.req.parseBody();
    const file = body.bestand;
    if (!(file instanceof File) || file.size === 0 || file.size > MAX_BYTES) {
      return page(c, cbs, <ErrorSummary issues={[{ field: 'bestand', message: file instanceof File && file.size > MAX_BYTES ? 'groter dan 5 MB: gebruik vlecht import medewerkers' : 'kies een bestand' }]} locale={c.get('locale')} />, 400);
    }
    const bytes = Buffer.from(await file.arrayBuffer());
    try {
      const header = await headerOf(Readable.from([bytes]));
      const auto = matchHeader(header, EMPLOYEE_COLUMNS);
      const mapping: Partial<Record<EmployeeColumn, string>> = {};
      for (const [i, key] of auto.map) mapping[key] = header[i];
      for (const [key, h] of Object.entries(remembered)) if (header.includes(h)) mapping[key as EmployeeColumn] = h;
      return page(c, cbs, <MappingForm c={c} cbs={cbs} fileName={file.name} content={bytes.toString('base64')} header={header} mapping={mapping} peildatum={formatDate(new Date().toISOString().slice(0, 10))} />);
    } catch (e) {
      if (!isVlechtError(e)) throw e;
      return page(c, cbs, <ProblemTable issues={e.issues} />, 400);
    }
  });

  async function run(c: Context<AppEnv>, preview: boolean) {
    const ctx = signedIn(c);
    const cbs = (c.req.param('cbs') ?? '').toUpperCase();
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const mapping = Object.fromEntries(EMPLOYEE_COLUMNS.map((col) => [col.key, str(`kolom.${col.key}`)]).filter(([, v]) => v)) as Partial<Record<EmployeeColumn, string>>;
    const content = Buffer.from(str('inhoud'), 'base64');
    const peildatum = parseDutchDate(str('peildatum'));
    try {
      const result = await importEmployees(ctx, { cbsCode: cbs, fileName: str('bestandsnaam') || 'export.csv', input: Readable.from([content]), mapping, peildatum: /^\d{4}-\d{2}-\d{2}$/.test(peildatum) ? peildatum : undefined, preview });
      if (!preview) return page(c, cbs, <><div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">{result.status === 'geimporteerd' ? 'Geïmporteerd.' : 'Niets gewijzigd: het register kwam al overeen met dit bestand.'}</p></div><Preview r={result} /></>);
      return page(c, cbs, (
        <>
          <h2 class="utrecht-heading-2">Voorbeeld</h2>
          <Preview r={result} />
          {result.new.length + result.changed.length + result.left.length === 0
            ? <p class="utrecht-paragraph">Het register komt al overeen met dit bestand; importeren verandert niets.</p>
            : (
              <form method="post" action={`/gemeenten/${cbs}/medewerkers/import/bevestigen`}>
                <Csrf token={c.get('csrfToken')} />
                <Hidden name="bestandsnaam" value={str('bestandsnaam')} />
                <Hidden name="inhoud" value={str('inhoud')} />
                <Hidden name="peildatum" value={str('peildatum')} />
                {Object.entries(mapping).map(([k, v]) => <Hidden name={`kolom.${k}`} value={v} />)}
                <SubmitButton>Bevestigen en importeren</SubmitButton>
              </form>
            )}
        </>
      ));
    } catch (e) {
      if (!isVlechtError(e) || e.code !== 'VALIDATION') throw e;
      return page(c, cbs, <ProblemTable issues={e.issues} />, 400);
    }
  }
  app.post('/gemeenten/:cbs/medewerkers/import/voorbeeld', (c) => run(c, true));
  app.post('/gemeenten/:cbs/medewerkers/import/bevestigen', (c) => run(c, false));
  return app;
}
