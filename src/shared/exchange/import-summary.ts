import type { Translate } from '../i18n';
import { positionLines, type PositionsReport } from './position-summary';

/** Why a source of a REFI-QDA project was not imported (catalogue key exchange.skip.<reason>). */
export type SkipReason = 'missing' | 'unsupported' | 'binary' | 'too-large' | 'damaged' | 'media';

/** The attribute that keeps a case name too long for a pseudonym (see qdpx-import-cases.ts). */
export const FULL_CASE_NAME = 'Nome del caso (REFI-QDA)';

/**
 * What a REFI-QDA import brings in, or would bring in (the review before importing):
 * "262 codici, 2 documenti, 205 codifiche; 0 non collocate", and everything the user should know
 * about it: how positions were read, what was skipped, shortened or noted elsewhere.
 */
export interface ExchangeImportSummary {
  codes: number;
  sources: number;
  codings: number;
  unplaced: number;
  cases: number;
  /** Sources that are not text (PDF, pictures, audio, video) or whose file is missing. */
  skippedSources: number;
  skipped: Array<{ name: string; reason: SkipReason }>;
  /** Case names longer than a pseudonym may be, and the pseudonym they became. */
  shortenedCases: Array<{ name: string; code: string }>;
  /** Code groups (Sets of codes), noted in the descriptions of their codes. */
  codeGroups: Array<{ name: string; codes: number }>;
  /** Document groups (Sets of sources), not imported. */
  sourceSets: string[];
  positions: PositionsReport;
}

/** Names joined for a sentence, at most `max` of them ("A, B, C…"). */
function names(list: readonly string[], max = 4): string {
  const shown = list.slice(0, max).join(', ');
  return list.length > max ? `${shown}…` : shown;
}

/**
 * The sentences of an import summary in the user's language, in reading order: the counts, how
 * positions were read, then what was left out, shortened or noted. The same lines appear in the
 * review dialog and, joined, on the command line.
 */
export function importSummaryLines(summary: ExchangeImportSummary, t: Translate): string[] {
  const lines = [t('exchange.summary', { ...summary }), ...positionLines(summary.positions, t)];
  for (const skip of summary.skipped) {
    lines.push(
      t('exchange.skippedSource', { name: skip.name, reason: t(`exchange.skip.${skip.reason}`) }),
    );
  }
  if (summary.shortenedCases.length > 0) {
    lines.push(
      t('exchange.shortenedCases', {
        n: summary.shortenedCases.length,
        code: summary.shortenedCases[0]!.code,
        attribute: FULL_CASE_NAME,
      }),
    );
  }
  if (summary.codeGroups.length > 0) {
    lines.push(
      t('exchange.codeGroups', {
        n: summary.codeGroups.length,
        names: names(summary.codeGroups.map((group) => group.name)),
      }),
    );
  }
  if (summary.sourceSets.length > 0) {
    lines.push(
      t('exchange.sourceSets', { n: summary.sourceSets.length, names: names(summary.sourceSets) }),
    );
  }
  return lines;
}
