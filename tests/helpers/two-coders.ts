/**
 * A project in which two evaluators coded the same 100-character transcript, so agreement can
 * be checked by hand (tests/unit/agreement, the CLI test and the agreement e2e use it).
 *
 * Text: turn 1 = [0, 60), turn 2 = [60, 100).
 * "Ritardi":          Anna [0, 40), Bruno [20, 60)  → 20 both, 20 + 20 one only, 40 neither:
 *                     60 % agreement, κ = (0,60 − 0,52) / 0,48 = 0,1667.
 * "Semplificazione":  Anna [60, 100), Bruno [70, 100) → 30 both, 10 Anna only, 60 neither:
 *                     90 %, κ = (0,90 − 0,54) / 0,46 = 0,7826.
 * Pooled: 200 characters, 150 agreeing (75 %), κ = (0,75 − 0,53) / 0,47 = 0,4681.
 */
import { CodeSchema, EvaluatorSchema } from '../../src/shared/model/project';
import { CURRENT_SCHEMA_VERSION } from '../../src/shared/model/project';
import { SpeakerTurnSchema, type Coding, type SourceFile } from '../../src/shared/model/source';
import { createProject } from '../../src/main/core/store/project-store';
import { integrationTemplate } from '../../src/shared/domain/matrix-templates';
import { RatingMatrixSchema } from '../../src/shared/model/matrix';

/**
 * Two integration matrices from the template (ids differ), coordination of OT8…OT11 with POR FESR:
 * Anna Basso, Medio, Alto, Alto; Bruno Basso, Medio, Medio, Alto (3 of 4 agree, linear κ 5/7).
 */
function ratedMatrix(title: string, levels: string[]) {
  let n = 0;
  const template = integrationTemplate(() => `${title.slice(-5).toLowerCase()}-${++n}`);
  const level = (label: string) => template.scale.find((l) => l.label.it === label)!.id;
  return RatingMatrixSchema.parse({
    id: `m-${title.slice(-5).toLowerCase()}`,
    ...template,
    title,
    cells: levels.map((label, i) => ({
      rowId: template.rows[i]!.id,
      columnId: template.columns[0]!.id,
      ratings: { [template.dimensions[0]!.id]: level(label) },
    })),
  });
}

export const TWO_CODERS_TEXT =
  'Il bando è arrivato tardi e i Comuni non avevano personale. ' +
  'La Regione ha poi semplificato il tutto.';

export const ANNA = { id: 'anna-7f3a', name: 'Anna Rossi' };
export const BRUNO = { id: 'bruno-91c2', name: 'Bruno Verdi' };

/**
 * Writes the project into `parentDir`; returns its folder and ids. `codeChoice` adds a second
 * interview whose first turn Anna coded «Ritardi» and Bruno «Semplificazione» (the same
 * passage, another code), which changes the hand-checked figures above.
 */
export async function writeTwoCoderProject(
  parentDir: string,
  name = 'Affidabilità',
  { codeChoice = false } = {},
) {
  const session = await createProject({ parentDir, name }, { evaluator: ANNA });
  const now = new Date().toISOString();
  const delays = CodeSchema.parse({ id: 'k-delays', name: 'Ritardi', colour: '#c0392b' });
  const simpler = CodeSchema.parse({ id: 'k-simpler', name: 'Semplificazione', colour: '#2e86c1' });
  await session.mutate((project) => {
    project.codes.push(delays, simpler);
    if (!project.evaluators.some((e) => e.id === ANNA.id))
      project.evaluators.push(EvaluatorSchema.parse(ANNA));
    project.evaluators.push(EvaluatorSchema.parse(BRUNO));
    project.matrices.push(
      ratedMatrix('Integrazione – Anna', ['Basso', 'Medio', 'Alto', 'Alto']),
      ratedMatrix('Integrazione – Bruno', ['Basso', 'Medio', 'Medio', 'Alto']),
    );
  });
  const source: SourceFile = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'src-int01',
    title: 'Intervista INT-01',
    kind: 'transcript',
    origin: 'typed',
    fictional: false,
    text: TWO_CODERS_TEXT,
    turns: [
      { id: 't1', start: 0, end: 60, speaker: 'INT-01' },
      { id: 't2', start: 60, end: 100, speaker: 'Intervistatore' },
    ].map((turn) => SpeakerTurnSchema.parse(turn)),
    codings: [],
    memos: [],
    createdAt: now,
    updatedAt: now,
  };
  await session.addSource(source);
  const coding = (id: string, coderId: string, codeId: string, start: number, end: number) =>
    ({
      id,
      codeId,
      start,
      end,
      text: TWO_CODERS_TEXT.slice(start, end),
      coderId,
      memo: '',
      key: false,
      textChanged: false,
      createdAt: now,
    }) as Coding;
  await session.mutateSource(source.id, (draft) => {
    draft.codings.push(
      coding('c-a1', ANNA.id, delays.id, 0, 40),
      coding('c-b1', BRUNO.id, delays.id, 20, 60),
      coding('c-a2', ANNA.id, simpler.id, 60, 100),
      coding('c-b2', BRUNO.id, simpler.id, 70, 100),
    );
  });
  if (codeChoice) {
    await session.addSource({
      ...source,
      id: 'src-int02',
      title: 'Intervista INT-02',
      codings: [],
    });
    await session.mutateSource('src-int02', (draft) => {
      draft.codings.push(
        coding('c-a3', ANNA.id, delays.id, 0, 60),
        coding('c-b3', BRUNO.id, simpler.id, 0, 60),
      );
    });
  }
  await session.close();
  return { dir: session.dir, sourceId: source.id, delays, simpler };
}

// `node --import tsx tests/helpers/two-coders.ts <parentDir> [--code-choice]`: for the e2e,
// which runs outside this module system; prints the project's folder.
if (process.argv[1]?.endsWith('two-coders.ts') && process.argv[2]) {
  const codeChoice = process.argv.includes('--code-choice');
  void writeTwoCoderProject(process.argv[2], 'Affidabilità', { codeChoice }).then(({ dir }) =>
    console.log(dir),
  );
}
