import type { itExchange } from './it-exchange';

/** English messages of the REFI-QDA exchange: the keys of it-exchange.ts. */
export const enExchange: Record<keyof typeof itExchange, string> = {
  'exchange.summary':
    '{codes, plural, one {# code} other {# codes}}, {sources, plural, one {# document} other {# documents}}, {codings, plural, one {# coding imported} other {# codings imported}}; {unplaced, plural, one {# not placed} other {# not placed}}',
};
