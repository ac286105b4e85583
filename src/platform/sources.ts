/**
 * The source documents Vlecht's demo and texts cite, by title, author and date as a reader
 * knows them (never by file name). One list, so every page and report cites them alike.
 */
export interface SourceDocument { title: string; date: string; short: string }

export const SOURCES = {
  rekenkamer: {
    title: 'Rekenkamercommissie Heemstede, onderzoek ambtelijke samenwerking (Sprenger en Van Unnik), eindrapport',
    date: '1 november 2017',
    short: 'rekenkamercommissie Heemstede, 2017',
  },
  voortgang7: {
    title: 'Zevende voortgangsrapportage ambtelijke samenwerking Bloemendaal & Heemstede',
    date: 'december 2017',
    short: 'zevende voortgangsrapportage, 2017',
  },
  bel: {
    title: 'Startgesprek InAxis-experiment BEL-gemeenten Blaricum-Eemnes-Laren',
    date: '15 maart 2007',
    short: 'startgesprek InAxis BEL, 2007',
  },
  factsheets: {
    title: 'Factsheets opbrengsten vervlochten teams Bloemendaal en Heemstede',
    date: 'ongedateerd (na najaar 2018)',
    short: 'factsheets vervlochten teams',
  },
  kader: {
    title: 'Raadsvoorstel Kader voor de ambtelijke samenwerking Heemstede – Bloemendaal',
    date: '10 september 2019',
    short: 'raadsvoorstel kader samenwerking Heemstede, 2019',
  },
} as const satisfies Record<string, SourceDocument>;

export type SourceId = keyof typeof SOURCES;

/**
 * A full citation: title and date, with an optional place in the document.
 * @example cite('rekenkamer', '§5.4.2') // 'Rekenkamercommissie Heemstede, …, eindrapport, 1 november 2017, §5.4.2'
 */
export function cite(id: SourceId, where?: string): string {
  const s = SOURCES[id];
  return `${s.title}, ${s.date}${where ? `, ${where}` : ''}`;
}
