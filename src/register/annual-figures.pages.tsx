/** The BBV figures of a municipality per year on its page: a table with sources, and a form for who manages it. */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { Csrf, ErrorSummary, SubmitButton, TextField } from '../platform/ui/form.tsx';
import { formatCents, formatFte } from '../platform/i18n/format.ts';
import { Hidden, type FormState } from './common.pages.tsx';
import type { AnnualFiguresView } from './annual-figures.service.ts';

const FIELDS = [
  ['formatieFte', 'Formatie (fte)', 'formatieFteMilli'],
  ['bezettingFte', 'Bezetting (fte)', 'bezettingFteMilli'],
  ['loonsom', 'Loonsom (€)', 'loonsomCents'],
  ['inhuur', 'Externe inhuur (€)', 'inhuurCents'],
  ['apparaatskosten', 'Apparaatskosten (€)', 'apparaatskostenCents'],
  ['overhead', 'Overhead (€)', 'overheadCents'],
  ['totaleLasten', 'Totale lasten (€)', 'totaleLastenCents'],
] as const;

const shown = (f: AnnualFiguresView, key: (typeof FIELDS)[number][2]) => {
  const v = f[key];
  if (v === null) return '—';
  return key.endsWith('FteMilli') ? formatFte(v) : formatCents(v);
};

/** Form values of a year, as a person would type them (fte with a comma, euros with cents). */
export function annualFiguresValues(f: AnnualFiguresView): Record<string, string> {
  const out: Record<string, string> = { year: String(f.year), source: f.source, version: String(f.version) };
  for (const [name, , key] of FIELDS) {
    const v = f[key];
    out[name] = v === null ? '' : key.endsWith('FteMilli') ? (v / 1000).toString().replace('.', ',') : (v / 100).toFixed(2).replace('.', ',');
  }
  return out;
}

export function AnnualFiguresSection({ c, cbsCode, name, figures, form, mayManage }: {
  c: Context<AppEnv>; cbsCode: string; name: string; figures: AnnualFiguresView[]; form: FormState | null; mayManage: boolean;
}) {
  const f = form ?? { values: {}, issues: [] };
  return (
    <>
      <h2 class="utrecht-heading-2" id="jaarcijfers">Jaarcijfers voor de BBV-indicatoren</h2>
      <p class="utrecht-paragraph">Uit begroting of jaarrekening. Met de inwonertallen hierboven leidt Vlecht er de verplichte beleidsindicatoren van taakveld 0.4 uit af (formatie en bezetting per 1.000 inwoners, apparaatskosten per inwoner, externe inhuur, overhead) als meting bij een indicator.</p>
      {figures.length === 0 ? <p class="utrecht-paragraph">Voor {name} zijn geen jaarcijfers vastgelegd.</p> : (
        <div class="utrecht-table-container">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">Jaarcijfers van {name}, met bron</caption>
            <thead><tr><th scope="col">Jaar</th>{FIELDS.map(([, label]) => <th scope="col" class="vlecht-num">{label}</th>)}<th scope="col">Bron</th></tr></thead>
            <tbody>
              {figures.map((y) => <tr><th scope="row">{y.year}</th>{FIELDS.map(([, , key]) => <td class="vlecht-num">{shown(y, key)}</td>)}<td class="vlecht-source">{y.source}</td></tr>)}
            </tbody>
          </table>
        </div>
      )}
      {mayManage && (
        <details class="vlecht-details" open={!!form}>
          <summary>Jaarcijfers vastleggen of corrigeren</summary>
          <ErrorSummary issues={f.issues} locale={c.get('locale')} message={f.message} />
          <form method="post" action={`/gemeenten/${cbsCode}/jaarcijfers#jaarcijfers`} class="vlecht-form" novalidate>
            <Csrf token={c.get('csrfToken')} />
            <Hidden name="version" value={f.values.version ?? ''} />
            <TextField name="year" label="Jaar" value={f.values.year} issues={f.issues} required inputmode="numeric" description="Een jaar dat al cijfers heeft, wordt gecorrigeerd." />
            {FIELDS.map(([field, label, key]) => (
              <TextField name={field} label={label} value={f.values[field]} issues={f.issues} inputmode="decimal" description={key.endsWith('FteMilli') ? 'Bijv. 245,5; leeg = onbekend' : 'Bijv. 12.345.678,00; leeg = onbekend'} />
            ))}
            <TextField name="source" label="Bron" value={f.values.source} issues={f.issues} required description="Bijv. jaarrekening 2024, paragraaf bedrijfsvoering" />
            <SubmitButton>Opslaan</SubmitButton>
          </form>
        </details>
      )}
    </>
  );
}
