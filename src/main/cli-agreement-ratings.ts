/** `campo agreement <project> --matrices a,b`: rating agreement of evaluators' matrices. */
import { matrixVersionsAgreement } from '../shared/domain/agreement-rating-versions';
import type { Translate } from '../shared/i18n';
import { formatAgreement, ratingMethodLine } from '../shared/i18n/agreement-lines';
import type { Language, ProjectFile } from '../shared/model/project';
import { table, type AgreementIo } from './cli-agreement';

/** `--matrices a,b`: the evaluators' versions of one rating matrix, by title or id. */
export function printRatings(
  file: ProjectFile,
  wanted: string[],
  language: Language,
  t: Translate,
  io: AgreementIo,
): number {
  const matrices = wanted.map((name) =>
    file.matrices.find((m) => m.id === name || m.title.toLowerCase() === name.toLowerCase()),
  );
  const missing = wanted.filter((_, i) => !matrices[i]);
  if (missing.length > 0 || matrices.length < 2) {
    const known = file.matrices.map((m) => m.title).join(', ') || '—';
    io.err(
      `campo: ${t('agreement.cli.unknownMatrix', { matrix: missing.join(', ') || '—', known })}`,
    );
    return 2;
  }
  const found = matrices.map((m) => m!);
  const report = matrixVersionsAgreement(found);
  const reference = found[0]!;
  const title = (id: string) => found.find((m) => m.id === id)?.title ?? id;
  const k = (v: number | null) => formatAgreement(v, language, 'coefficient');
  for (const dimension of report.dimensions) {
    const name = reference.dimensions.find((d) => d.id === dimension.dimensionId)?.label[language];
    io.out('');
    io.out(`${name}: ${t('agreement.column.alphaOrdinal')} ${k(dimension.alphaOrdinal)}`);
    const rows = [
      [
        t('agreement.column.evaluators'),
        t('agreement.ui.cells'),
        t('agreement.column.percent'),
        t('agreement.column.kappaLinear'),
        t('agreement.column.kappaQuadratic'),
      ],
      ...dimension.pairs.map((pair) => [
        pair.evaluators.map(title).join(' – '),
        String(pair.cells),
        formatAgreement(pair.percent, language, 'percent'),
        k(pair.kappaLinear),
        k(pair.kappaQuadratic),
      ]),
    ];
    table(rows).forEach((line) => io.out(line));
  }
  io.out('');
  io.out(t('agreement.ui.differences', { count: report.differences.length }));
  const axis = (id: string, items: ReadonlyArray<{ id: string; label: string }>) =>
    items.find((item) => item.id === id)?.label ?? id;
  for (const d of report.differences) {
    const levels = d.ratings.map((r) => {
      const level = reference.scale.find((l) => l.id === r.levelId);
      return `${title(r.evaluatorId)}: ${level ? level.label[language] : '–'}`;
    });
    io.out(
      `  ${axis(d.rowId, reference.rows)} × ${axis(d.columnId, reference.columns)}: ${levels.join('; ')}`,
    );
  }
  io.out(
    ratingMethodLine(report.meta, language, {
      matrixTitle: reference.title,
      scale: reference.scale,
      label: title,
    }),
  );
  return 0;
}
