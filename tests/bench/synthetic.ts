/**
 * Deterministic synthetic fieldwork material: Italian-like interview transcripts with accented
 * letters, a few emoji and CRLF line breaks (as Windows editors save them), speaker turns, and
 * participants with attributes. Seeded, so two runs of the benchmark work on the same data.
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same material on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)]!;

// Accented and common words weigh the text the way real transcripts do: search and folding
// (città → citta) see realistic input, and UTF-16 offsets differ from byte offsets.
const WORDS = (
  'il la i le un una di da in con su per tra che non è e ma però anche già più così poi ' +
  'città perché attività società qualità comunità università opportunità difficoltà ' +
  'progetto bando comune regione partenariato territorio fiducia risorse tempi servizi ' +
  'cittadini imprese scuole famiglie giovani associazioni rete tavolo incontri risultati ' +
  'abbiamo avevamo hanno fatto visto lavorato coinvolto risposto capito chiesto detto ' +
  'molto poco sempre spesso quasi insieme dopo prima durante lì là qui laggiù finché ' +
  'formazione inclusione sostenibilità innovazione governance monitoraggio valutazione'
).split(' ');
const EMOJI = ['😀', '👍', '🙂', '🤔'];
const OPENERS = ['Sì,', 'Allora,', 'Beh,', 'Guardi,', 'Diciamo che', 'Secondo me', 'In realtà'];

/** The word the retrieval case searches as "rare": a handful of occurrences in the corpus. */
export const RARE_WORD = 'ornitorinco';

/** One sentence of 6–18 words, sometimes with an opener, an emoji or a question mark. */
function sentence(rng: () => number): string {
  const count = 6 + Math.floor(rng() * 13);
  const words: string[] = [];
  if (rng() < 0.3) words.push(pick(rng, OPENERS));
  for (let i = 0; i < count; i++) words.push(pick(rng, WORDS));
  let text = words.join(' ');
  text = text[0]!.toUpperCase() + text.slice(1);
  if (rng() < 0.03) text += ` ${pick(rng, EMOJI)}`;
  return text + (rng() < 0.15 ? '?' : '.');
}

/** A participant as `participantAdd` takes it, with organisation, role and free attributes. */
export interface SyntheticParticipant {
  code: string;
  organisation: string;
  role: string;
  territory: string;
  attributes: Array<
    { key: string; type: 'text'; value: string } | { key: string; type: 'number'; value: number }
  >;
}

const ORGANISATIONS = [
  'Comune di Mantova',
  'Regione Lombardia',
  'Camera di Commercio di Cremona',
  'Cooperativa sociale Il Ponte',
  'Università di Pavia',
  'Associazione Città Futura',
];
const ROLES = ['Dirigente', 'Funzionario', 'Presidente', 'Operatrice', 'Coordinatore'];
const TERRITORIES = ['Mantova', 'Cremona', 'Pavia', 'Lodi'];

/** `count` interviewees INT-01, INT-02, … with varied organisations, roles and attributes. */
export function participants(count: number, seed = 7): SyntheticParticipant[] {
  const rng = random(seed);
  return Array.from({ length: count }, (_, index) => ({
    code: `INT-${String(index + 1).padStart(2, '0')}`,
    organisation: ORGANISATIONS[index % ORGANISATIONS.length]!,
    role: pick(rng, ROLES),
    territory: pick(rng, TERRITORIES),
    attributes: [
      { key: 'Settore', type: 'text', value: index % 2 ? 'pubblico' : 'privato sociale' },
      { key: 'Anni di esperienza', type: 'number', value: 2 + Math.floor(rng() * 25) },
    ],
  }));
}

/**
 * A transcript file's content as a user would import it: "Intervistatore: …" and "INT-xx: …"
 * turns, one per line, CRLF line breaks, about `chars` characters of spoken text (without the
 * speaker labels). `rareWords` occurrences of RARE_WORD are spread through it.
 */
export function transcriptFile(
  chars: number,
  speakers: readonly string[],
  seed: number,
  rareWords = 0,
): string {
  const rng = random(seed);
  const lines: string[] = [];
  let spoken = 0;
  let turn = 0;
  let rareLeft = rareWords;
  while (spoken < chars) {
    const interviewer = turn % 2 === 0;
    const who = interviewer ? 'Intervistatore' : speakers[(turn >> 1) % speakers.length]!;
    const sentences = interviewer ? 1 + Math.floor(rng() * 2) : 2 + Math.floor(rng() * 6);
    const parts = Array.from({ length: sentences }, () => sentence(rng));
    if (!interviewer && rareLeft > 0 && rng() < 0.05) {
      parts.push(`Come un ${RARE_WORD}, insomma.`);
      rareLeft -= 1;
    }
    const text = parts.join(' ');
    lines.push(`${who}: ${text}`);
    spoken += text.length + 1;
    turn += 1;
  }
  return lines.join('\r\n') + '\r\n';
}

/** A passage to code: which code, where (UTF-16 offsets of the imported text). */
export interface PlannedCoding {
  codeId: string;
  start: number;
  end: number;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Narrows [start, end) to whole words, never splitting an emoji's surrogate pair. */
function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && (!isWordChar(text[from]) || isWordChar(text[from - 1]))) from++;
  while (to > from && (!/[\p{L}\p{N}.?]/u.test(text[to - 1]!) || isWordChar(text[to]))) to--;
  return { start: from, end: to };
}

/**
 * `count` codings over `text`, codes taken in turn from `codeIds`. The text is cut into slots;
 * each slot holds two overlapping passages of two different codes (so co-occurrence has
 * something to count) and slots never touch, so no two codings of one code are united: the
 * source ends up with exactly `count` codings.
 */
export function planCodings(
  text: string,
  count: number,
  codeIds: readonly string[],
  offset = 0,
): PlannedCoding[] {
  if (codeIds.length < 2) throw new Error('planCodings needs at least two codes');
  const slots = Math.ceil(count / 2);
  const size = Math.floor(text.length / slots);
  if (size < 40) throw new Error(`Text too short for ${count} codings`);
  const planned: PlannedCoding[] = [];
  for (let slot = 0; slot < slots && planned.length < count; slot++) {
    const base = slot * size;
    const spans = [
      snapToWords(text, base + 2, base + Math.floor(size * 0.55)),
      snapToWords(text, base + Math.floor(size * 0.35), base + size - 3),
    ];
    for (const [index, span] of spans.entries()) {
      if (planned.length === count) break;
      if (span.end <= span.start) throw new Error(`No words in slot ${slot}`);
      const codeId = codeIds[(offset + slot * 2 + index) % codeIds.length]!;
      planned.push({ codeId, ...span });
    }
  }
  return planned;
}

/**
 * `count` short passages (about `length` characters, whole words) spread evenly over `text`,
 * far enough apart that codings of one code on them are never united.
 */
export function spreadSpans(
  text: string,
  count: number,
  length = 60,
): Array<{ start: number; end: number }> {
  const step = Math.floor(text.length / (count + 1));
  if (step < length * 2) throw new Error(`Text too short for ${count} passages`);
  return Array.from({ length: count }, (_, index) => {
    const base = step * (index + 1);
    return snapToWords(text, base, base + length);
  });
}
