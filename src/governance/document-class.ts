/**
 * The document-class check (pure): the A/B/C-stuk of a decision against its decision type,
 * the body that takes it and its date, after seed 004 (the kader goes through the
 * commissie Middelen to the raad as A-stuk; the samenwerkingsovereenkomst to the commissie
 * for a zienswijze as B-stuk) and seed 000 §5.3.2 (progress reports reached the raad only
 * as C-stuk, for information: the audit's core criticism).
 *
 * Two severities. An `error` is data that cannot be true and is refused on entry: a
 * decision dated after today (a decision still to be taken has a planned date), a decision
 * of the raad or a kader offered "ter kennisname". A `signal` is a choice the audit
 * criticised but that did happen and must stay recordable as history (the progress reports
 * of 2013–2017 were C-stukken): it is shown in the register, never refused or changed.
 */
import { formatDate } from '../platform/i18n/format.ts';
import type { BodyKind, DocumentStatus } from './catalogue.ts';

export type DocumentClassCode =
  | 'besluitdatum-in-toekomst' | 'raadsbesluit-als-c-stuk' | 'kader-als-c-stuk'
  | 'kader-niet-als-a-stuk' | 'voortgangsrapportage-als-c-stuk' | 'overeenkomst-niet-als-b-stuk';

export interface DocumentClassFinding {
  code: DocumentClassCode;
  severity: 'error' | 'signal';
  /** The input field the finding is about, as the form and the API name it. */
  field: 'decidedOn' | 'documentStatus';
  value: string;
  message: string;
}

export interface DocumentClassInput {
  decisionTypeKey: string;
  bodyKind: BodyKind;
  documentStatus: DocumentStatus | null;
  decidedOn: string;
}

/** Decision-type keys of the default catalogue (catalogue.ts) the rules of seed 004 speak about. */
export const KADER_TYPE = 'kader-samenwerking';
export const PROGRESS_REPORT_TYPE = 'voortgangsrapportage';
export const AGREEMENT_TYPE = 'samenwerkingsovereenkomst';

const stuk = (s: DocumentStatus | null) => (s ? `${s}-stuk` : 'geen stuk voor de raad');

/** Every finding for one decision; `today` is ISO `YYYY-MM-DD` from the service's clock. */
export function documentClassFindings(d: DocumentClassInput, today: string): DocumentClassFinding[] {
  const out: DocumentClassFinding[] = [];
  const status = d.documentStatus;
  if (d.decidedOn > today) {
    out.push({ code: 'besluitdatum-in-toekomst', severity: 'error', field: 'decidedOn', value: formatDate(d.decidedOn),
      message: `de datum van het besluit (${formatDate(d.decidedOn)}) ligt na vandaag (${formatDate(today)}); een besluit dat nog genomen moet worden krijgt een geplande datum` });
  }
  if (d.bodyKind === 'raad' && status === 'C') {
    out.push({ code: 'raadsbesluit-als-c-stuk', severity: 'error', field: 'documentStatus', value: 'C',
      message: 'de raad neemt dit besluit, maar een C-stuk is alleen ter kennisname; kies A-stuk (ter besluitvorming)' });
  } else if (d.decisionTypeKey === KADER_TYPE && status === 'C') {
    out.push({ code: 'kader-als-c-stuk', severity: 'error', field: 'documentStatus', value: 'C',
      message: 'het kader van de samenwerking stelt de raad vast en gaat als A-stuk naar de raad; een C-stuk is alleen ter kennisname' });
  }
  if (d.decisionTypeKey === KADER_TYPE && status !== 'A' && status !== 'C') {
    out.push({ code: 'kader-niet-als-a-stuk', severity: 'signal', field: 'documentStatus', value: stuk(status),
      message: `het kader van de samenwerking gaat als A-stuk naar de raad (raadsvoorstel 2019), niet als ${stuk(status)}` });
  }
  if (d.decisionTypeKey === PROGRESS_REPORT_TYPE && status === 'C') {
    out.push({ code: 'voortgangsrapportage-als-c-stuk', severity: 'signal', field: 'documentStatus', value: 'C',
      message: 'de voortgangsrapportage ging als C-stuk (ter kennisname) naar de raad; de rekenkamer vroeg de raad actief te betrekken, ten minste als B-stuk' });
  }
  if (d.decisionTypeKey === AGREEMENT_TYPE && status === 'C') {
    out.push({ code: 'overeenkomst-niet-als-b-stuk', severity: 'signal', field: 'documentStatus', value: 'C',
      message: 'de samenwerkingsovereenkomst gaat voor een zienswijze als B-stuk naar de raadscommissie, niet als C-stuk' });
  }
  return out;
}

/** Only the findings that refuse the input. */
export const documentClassErrors = (d: DocumentClassInput, today: string) => documentClassFindings(d, today).filter((f) => f.severity === 'error');
