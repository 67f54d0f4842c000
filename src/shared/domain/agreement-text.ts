/**
 * Intercoder agreement on text, in one import: character level (NVivo), segment level (MAXQDA),
 * unit level (turns or sentences: Cohen, Fleiss, Krippendorff), and the disagreement list, all
 * over storage-independent coder layers (see agreement-layers.ts).
 */
export {
  coderPairs,
  type AgreementMeta,
  type AgreementSource,
  type CoderCoding,
  type IndexedCoding,
  type TextAgreementInput,
  type TextAgreementOptions,
  type UndefinedReason,
} from './agreement-layers';
export type { Span } from './agreement-spans';
export {
  characterLevelAgreement,
  characterStats,
  type CharacterCell,
  type CharacterCodeSummary,
  type CharacterLevelReport,
  type CharacterPairAgreement,
  type CharacterSourceSummary,
  type CharacterStats,
} from './agreement-characters';
export {
  DEFAULT_SEGMENT_THRESHOLD,
  segmentLevelAgreement,
  segmentOverlap,
  segmentsOf,
  type SegmentAgreementOptions,
  type SegmentCell,
  type SegmentCodeSummary,
  type SegmentLevelReport,
  type SegmentOverall,
  type SegmentPairAgreement,
  type SegmentStats,
} from './agreement-segments';
export {
  sentenceUnits,
  unitLevelAgreement,
  type UnitAgreementOptions,
  type UnitAlpha,
  type UnitCodeAgreement,
  type UnitFleiss,
  type UnitLevelReport,
  type UnitPairAgreement,
  type UnitStats,
} from './agreement-units';
export {
  consensusSpans,
  findDisagreements,
  type CoderVersion,
  type Disagreement,
  type DisagreementOptions,
  type DisagreementReport,
  type Resolution,
} from './agreement-disagreements';
