import type { CodedSource } from '../domain/coding-analysis';
import { formatNumber, LOCALES, translator, type Translate } from '../i18n';
import type { Language, Participant, ProjectFile } from '../model/project';
import { anonymiser, titleAnonymiser } from './anonymise';
import type { ReportBlock, ReportCell, ReportSettings } from './model';

/** What every section builder reads: the project, its texts, the user's choices, formatting. */
export interface ReportContext {
  project: ProjectFile;
  corpus: readonly CodedSource[];
  settings: ReportSettings;
  language: Language;
  t: Translate;
  /** Participants by id. */
  participants: ReadonlyMap<string, Participant>;
  /** The text with every participant's real name replaced by their pseudonym. */
  anonymise(text: string): string;
  /** The same for a title, where a file's name may hold a surname in lower case. */
  anonymiseTitle(text: string): string;
  /** "18/03/2021" in Italian, "18 Mar 2021" in English. */
  date(iso: string): string;
  /** Italian or English number format: "1.234,5". */
  number(value: number, digits?: number): string;
  /** "63,1%". */
  percent(value: number, digits?: number): string;
}

/** Builds the context for one report. `settings.language` decides the report's language. */
export function reportContext(
  project: ProjectFile,
  corpus: readonly CodedSource[],
  settings: ReportSettings,
): ReportContext {
  const language = settings.language;
  // Italian readers read 12/03/2024 one way; English readers two ways (12 March or 3 December):
  // the English report names the month (walk-through 10).
  const dateFormat = new Intl.DateTimeFormat(
    LOCALES[language],
    language === 'en'
      ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  );
  return {
    project,
    corpus,
    settings,
    language,
    t: translator(language),
    participants: new Map(project.participants.map((p) => [p.id, p])),
    anonymise: anonymiser(project.participants),
    anonymiseTitle: titleAnonymiser(project.participants),
    date: (iso) => dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    number: (value, digits = 1) => formatNumber(value, language, digits),
    percent: (value, digits = 1) => `${formatNumber(value, language, digits)}%`,
  };
}

/** "24 novembre 2026" / "24 November 2026". */
export function longDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** "gennaio 2021" / "January 2021". */
export function monthYear(month: number, year: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * A chapter or annex being written: numbers its tables and figures ("Tavola 3.1", "Figura 3.1";
 * annexes "Tavola A1.1") and words their captions and sources.
 */
export class Chapter {
  private tables = 0;
  private figures = 0;
  readonly blocks: ReportBlock[] = [];

  constructor(
    private readonly context: ReportContext,
    /** "3", or "A1" for the first annex; '' for unnumbered parts (premessa). */
    readonly label: string,
  ) {}

  /** The number the next table will have ("3.2"), for text that refers to it. */
  nextTableNumber(): string {
    return this.number(this.tables + 1);
  }

  private number(n: number): string {
    return this.label ? `${this.label}.${n}` : String(n);
  }

  heading(level: 1 | 2 | 3, text: string): void {
    this.blocks.push({ kind: 'heading', level, text });
  }

  paragraph(text: string, options: { italic?: boolean; footnote?: string } = {}): void {
    this.blocks.push({ kind: 'paragraph', runs: [{ text, ...options }] });
  }

  /** Paragraphs of a text the user wrote: blank lines separate paragraphs. */
  prose(text: string): void {
    for (const part of text.split(/\n\s*\n/)) {
      const clean = part.replace(/\s*\n\s*/g, ' ').trim();
      if (clean) this.paragraph(clean);
    }
  }

  table(input: {
    title: string;
    /** What the evaluator elaborated ("interviste e focus group"), or a source line as given. */
    source: { what: string } | { given: string };
    widths: number[];
    header: ReportCell[][];
    rows: ReportCell[][];
    note?: string;
  }): void {
    this.tables += 1;
    const { t } = this.context;
    this.blocks.push({
      kind: 'table',
      caption: t('report.tableCaption', { number: this.number(this.tables), title: input.title }),
      source:
        'what' in input.source
          ? t('report.source', { what: input.source.what })
          : t('report.sourceGiven', { source: input.source.given }),
      widths: input.widths,
      header: input.header,
      rows: input.rows,
      ...(input.note ? { note: input.note } : {}),
    });
  }

  chart(input: {
    title: string;
    what: string;
    valueLabel: string;
    bars: Array<{ label: string; value: number }>;
  }): void {
    this.figures += 1;
    const { t } = this.context;
    this.blocks.push({
      kind: 'chart',
      caption: t('report.figureCaption', { number: this.number(this.figures), title: input.title }),
      source: t('report.source', { what: input.what }),
      valueLabel: input.valueLabel,
      bars: input.bars.map((bar) => ({ ...bar, valueText: this.context.number(bar.value, 1) })),
    });
  }
}

/** Header cells from plain labels. */
export const headerRow = (labels: readonly string[]): ReportCell[] =>
  labels.map((text) => ({ text, bold: true }));
