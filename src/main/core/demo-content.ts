import { randomUUID } from 'node:crypto';
import { newEvaluator } from '../../shared/domain/team';
import { syncQuestionCodes } from '../../shared/domain/codebook';
import { applyCoding } from '../../shared/domain/coding';
import { europe2020Template, integrationTemplate } from '../../shared/domain/matrix-templates';
import { rankPoints, validateBallot } from '../../shared/domain/ngt';
import { RatingMatrixSchema, type RatingMatrix } from '../../shared/model/matrix';
import { NgtSessionSchema } from '../../shared/model/ngt';
import { CodeSchema, ParticipantSchema, type EvaluationQuestion } from '../../shared/model/project';
import { resolve, type DemoSpec } from './demo';
import type { ProjectSession } from './store/project-session';

/** Who coded the demo's example passages: a fictional evaluator of the demo team. */
export const DEMO_EVALUATOR = { id: 'demo-evaluator', name: 'Valutatore demo' } as const;

/* The demo's analysis content, written through the same domain functions as the app. */

/** A level of the template's scale by its Italian label, or a clear error naming it. */
function levelByLabel(matrix: Omit<RatingMatrix, 'id' | 'cells'>, label: string): string {
  const level = matrix.scale.find((l) => l.label.it === label);
  if (!level) throw new Error(`resources/demo/demo.json: unknown level ${label}`);
  return level.id;
}

/** The demo's filled integration matrix and contribution to Europe 2020. */
export async function writeDemoMatrices(session: ProjectSession, spec: DemoSpec): Promise<void> {
  const integration = integrationTemplate(randomUUID);
  const [coordination, complementarity] = integration.dimensions;
  const integrationCells = integration.rows.flatMap((row, r) =>
    integration.columns.map((column, c) => ({
      rowId: row.id,
      columnId: column.id,
      ratings: {
        [coordination!.id]: levelByLabel(integration, spec.integrationMatrix.coordination[r]![c]!),
        [complementarity!.id]: levelByLabel(
          integration,
          spec.integrationMatrix.complementarity[r]![c]!,
        ),
      },
      rationale:
        spec.integrationMatrix.rationale[`${row.label.split(' ')[0]}|${column.label}`] ?? '',
      evidence: [],
    })),
  );
  const europe = europe2020Template(randomUUID);
  const [contribution] = europe.dimensions;
  const europeCells = europe.rows.map((row, r) => ({
    rowId: row.id,
    columnId: europe.columns[0]!.id,
    ratings: { [contribution!.id]: levelByLabel(europe, spec.europe2020Matrix.contribution[r]!) },
    rationale: spec.europe2020Matrix.rationale[row.label] ?? '',
    evidence: [],
  }));
  const matrices = [
    RatingMatrixSchema.parse({ ...integration, id: randomUUID(), cells: integrationCells }),
    RatingMatrixSchema.parse({ ...europe, id: randomUUID(), cells: europeCells }),
  ];
  await session.mutate((project) => {
    project.matrices.push(...matrices);
  });
}

/** The demo's NGT session, closed, with the scores its cards give under its rule. */
export async function writeDemoNgt(
  session: ProjectSession,
  spec: DemoSpec['ngt'],
  questionIds: Map<string, string>,
): Promise<void> {
  const now = new Date().toISOString();
  const participants = spec.participants.map((p) =>
    ParticipantSchema.parse({ ...p, id: randomUUID() }),
  );
  const participantIds = new Map(participants.map((p) => [p.code, p.id]));
  const ideas = spec.ideas.map((idea, index) => ({
    id: randomUUID(),
    code: `I${index + 1}`,
    text: idea.text,
    authorId: resolve(participantIds, idea.author, 'participant'),
    mergedInto: null as string | null,
    clarification: spec.clarifications[`I${index + 1}`] ?? '',
    createdAt: now,
  }));
  const ideaIds = new Map(ideas.map((idea) => [idea.code, idea.id]));
  spec.ideas.forEach((idea, index) => {
    if (idea.mergedInto) ideas[index]!.mergedInto = resolve(ideaIds, idea.mergedInto, 'idea');
  });
  const onBallot = ideas.filter((idea) => !idea.mergedInto).map((idea) => idea.id);
  const round = {
    id: randomUUID(),
    kind: 'vote' as const,
    ideaIds: onBallot,
    ballots: spec.ballots.map(({ participant, ranking }) => ({
      participantId: resolve(participantIds, participant, 'participant'),
      points: Object.fromEntries(
        ranking.map((code, place) => [
          resolve(ideaIds, code, 'idea'),
          rankPoints(spec.rule, place + 1, onBallot.length),
        ]),
      ),
      enteredAt: now,
    })),
    ratings: [],
  };
  for (const ballot of round.ballots) {
    const check = validateBallot({ ideaIds: onBallot, points: ballot.points, rule: spec.rule });
    if (!check.ok)
      throw new Error(`resources/demo/demo.json: NGT card ${JSON.stringify(check.problems)}`);
  }
  const ngt = NgtSessionSchema.parse({
    id: randomUUID(),
    code: 'NGT-01',
    question: spec.question,
    date: spec.date,
    place: spec.place,
    facilitator: spec.facilitator,
    participantIds: participants.map((p) => p.id),
    questionIds: spec.questions.map((code) => resolve(questionIds, code, 'question')),
    rule: spec.rule,
    step: 'closed',
    ideas,
    votes: [round],
  });
  await session.mutate((project) => {
    project.participants.push(...participants);
    project.ngtSessions.push(ngt);
  });
}

/** The demo's codebook (the DVs' codes and a few thematic ones) and its example codings. */
export async function writeDemoCoding(
  session: ProjectSession,
  spec: DemoSpec,
  questions: EvaluationQuestion[],
  sourceIds: Map<string, string>,
): Promise<void> {
  const codes = syncQuestionCodes([], questions, randomUUID).codes;
  const codeIds = new Map(codes.map((code) => [code.name.split(' – ')[0]!, code.id]));
  for (const { parent, ...fields } of spec.codes) {
    const id = randomUUID();
    const parentId = parent === null ? null : resolve(codeIds, parent, 'code');
    codes.push(CodeSchema.parse({ ...fields, id, parentId }));
    codeIds.set(fields.name, id);
  }
  await session.mutate((project) => {
    project.codes = codes;
    project.evaluators.push(newEvaluator({ ...DEMO_EVALUATOR, role: 'lead' }, project.evaluators));
  });
  const now = new Date().toISOString();
  for (const [file, sourceId] of sourceIds) {
    const wanted = spec.codings.filter((coding) => coding.transcript === file);
    if (wanted.length === 0) continue;
    await session.mutateSource(sourceId, (source) => {
      for (const { code, passage, key } of wanted) {
        const start = source.text.indexOf(passage);
        if (start < 0) throw new Error(`resources/demo/demo.json: passage not in ${file}`);
        const id = randomUUID();
        source.codings = applyCoding(source.codings, source.text, {
          id,
          codeId: resolve(codeIds, code, 'code'),
          start,
          end: start + passage.length,
          coderId: DEMO_EVALUATOR.id,
          createdAt: now,
        }).map((coding) => (key && coding.id === id ? { ...coding, key } : coding));
      }
    });
  }
}
