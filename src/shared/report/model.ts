import { z } from 'zod';
import { LANGUAGES } from '../model/constants';

/**
 * The sections a report can have, in their customary order (DESIGN §4). The composer lets the
 * user pick and reorder them; `questions` expands to one chapter per evaluation question.
 */
export const REPORT_SECTIONS = [
  'cover',
  'index',
  'premessa',
  'method',
  'questions',
  'framework',
  'integration',
  'europe2020',
  'ngt',
  'indicators',
  'conclusions',
  'participants',
  'fieldwork',
  'agreement',
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

/** Sections that are annexes: numbered "Allegato 1", "Allegato 2" … instead of chapters. */
export const ANNEX_SECTIONS: readonly ReportSectionId[] = [
  'participants',
  'fieldwork',
  'agreement',
];

/** What the user chooses in the composer (and the CLI's flags); kept in project.json. */
export const ReportSettingsSchema = z.object({
  sections: z
    .array(z.enum(REPORT_SECTIONS))
    .max(REPORT_SECTIONS.length)
    .refine((list) => new Set(list).size === list.length, 'sections repeated')
    .default([...REPORT_SECTIONS]),
  /** Empty: the project's title. */
  title: z.string().max(300).default(''),
  version: z.enum(['draft', 'final']).default('draft'),
  /** ISO date printed on the cover; null: the day of the export. */
  date: z.iso.date().nullable().default(null),
  /** Empty: the project's evaluators. */
  evaluator: z.string().max(300).default(''),
  language: z.enum(LANGUAGES).default('it'),
  /** Participants' real names in the annex. Off unless the user explicitly asks. */
  includeNames: z.boolean().default(false),
  /**
   * Evaluators' versions of one rating matrix whose agreement the annex "Affidabilità della
   * codifica" reports: per group the matrices' ids, the first the reference (chosen in Codifica ▸
   * Accordo ▸ Valutazioni). Ids no longer in the project are passed over.
   */
  ratingGroups: z
    .array(z.array(z.string().min(1).max(100)).min(2).max(20))
    .max(10)
    .default([]),
});
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;

/** A run of text; `footnote` attaches a footnote (its text) right after the run. */
export interface ReportRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  footnote?: string;
}

/** A table cell. `fill` is a background colour "#RRGGBB"; `span` merges that many columns. */
export interface ReportCell {
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
  fill?: string;
  span?: number;
}

/** A bar of a chart: `valueText` is the value as printed (Italian format in Italian reports). */
export interface ReportBar {
  label: string;
  value: number;
  valueText: string;
}

/**
 * One block of the report, in reading order. Captions and sources arrive fully worded
 * ("Tavola 3.1 – …", "Fonte: elaborazioni del valutatore su …"): writers only lay them out.
 */
export type ReportBlock =
  | {
      kind: 'cover';
      programme: string;
      title: string;
      evaluator: string;
      /** "Bozza" / "Versione finale". */
      versionLabel: string;
      /** As printed: "24 novembre 2026". */
      date: string;
    }
  | { kind: 'toc'; title: string }
  | { kind: 'pageBreak' }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: ReportRun[] }
  | { kind: 'bullets'; items: ReportRun[][] }
  | { kind: 'quotation'; text: string; citation: string }
  | {
      kind: 'table';
      /** "Tavola 3.1 – Matrice di integrazione: coordinamento". */
      caption: string;
      /** "Fonte: elaborazioni del valutatore su …". */
      source: string;
      /** Relative widths, one per column. */
      widths: number[];
      /** Header rows (repeated on each page); cells may span columns. */
      header: ReportCell[][];
      rows: ReportCell[][];
      /** Optional note under the source ("Legenda: …"). */
      note?: string;
    }
  | {
      kind: 'chart';
      /** "Figura 5.1 – …". */
      caption: string;
      source: string;
      /** What the values are ("Punteggio"). */
      valueLabel: string;
      bars: ReportBar[];
    };

/** A report ready to be written: meta for the page furniture, then the blocks. */
export interface ReportModel {
  language: 'it' | 'en';
  title: string;
  programme: string;
  draft: boolean;
  /** The running header: "POR FSE 2014-2020 Regione Lombardia – BOZZA". */
  headerText: string;
  /** Page-number words: "pag." and "di" ("Page", "of" in English). */
  pageWord: string;
  ofWord: string;
  blocks: ReportBlock[];
}

/** The composer's starting point: every section, a draft, in the project's language. */
export function defaultReportSettings(language: 'it' | 'en'): ReportSettings {
  return ReportSettingsSchema.parse({ language });
}
