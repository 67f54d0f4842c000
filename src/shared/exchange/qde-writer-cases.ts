import { translator } from '../i18n';
import type { Language, Participant, ProjectFile } from '../model/project';
import { decimalString, guidOf, type XmlWriter } from './qde-writer-xml';

type VariableType = 'Text' | 'Boolean' | 'Float' | 'Date';

const VALUE_ELEMENT: Record<VariableType, string> = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Float: 'FloatValue',
  Date: 'DateValue',
};

/** A REFI-QDA variable with the way to read its value off a participant. */
interface Variable {
  guid: string;
  name: string;
  type: VariableType;
  /** The value as its xsd type writes it, or null when the participant has none. */
  valueOf(participant: Participant): string | null;
}

/** Names of the variables for the participant record's own fields, in the project's language. */
const FIELD_NAMES: Record<
  Language,
  Record<'role' | 'organisation' | 'territory' | 'partnershipType', string>
> = {
  it: {
    role: 'Ruolo',
    organisation: 'Organizzazione',
    territory: 'Territorio',
    partnershipType: 'Tipo di partenariato',
  },
  en: {
    role: 'Role',
    organisation: 'Organisation',
    territory: 'Territory',
    partnershipType: 'Partnership type',
  },
};

const ATTRIBUTE_TYPE = {
  text: 'Text',
  number: 'Float',
  date: 'Date',
  boolean: 'Boolean',
} as const satisfies Record<Participant['attributes'][number]['type'], VariableType>;

function nonEmpty(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/**
 * The variables of the project's cases: the participant record's role, organisation, territory
 * and partnership type (each only when some participant has it), then one per attribute key in
 * order of first use, typed by its values (Text when they mix types). Consent and the personal
 * name are never variables.
 */
export function variablesOf(project: ProjectFile): Variable[] {
  const language = project.meta.language;
  const names = FIELD_NAMES[language];
  const t = translator(language);
  const fields: Variable[] = [
    ...(['role', 'organisation', 'territory'] as const).map((field) => ({
      guid: guidOf(`${project.id}:variable:${field}`),
      name: names[field],
      type: 'Text' as const,
      valueOf: (participant: Participant) => nonEmpty(participant[field]),
    })),
    {
      guid: guidOf(`${project.id}:variable:partnershipType`),
      name: names.partnershipType,
      type: 'Text',
      valueOf: (participant) =>
        participant.partnershipType === null
          ? null
          : t(`partnership.${participant.partnershipType}`),
    },
  ];
  const used = fields.filter((variable) =>
    project.participants.some((participant) => variable.valueOf(participant) !== null),
  );

  const keyTypes = new Map<string, Set<VariableType>>();
  for (const participant of project.participants) {
    for (const attribute of participant.attributes) {
      const types = keyTypes.get(attribute.key) ?? new Set();
      types.add(ATTRIBUTE_TYPE[attribute.type]);
      keyTypes.set(attribute.key, types);
    }
  }
  // Importers tend to match variables by name: an attribute named like a field gets a suffix.
  const taken = new Set(used.map((variable) => variable.name.toLowerCase()));
  for (const [key, types] of keyTypes) {
    let name = key;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${key} (${n})`;
    taken.add(name.toLowerCase());
    const type: VariableType = types.size === 1 ? [...types][0]! : 'Text';
    used.push({
      guid: guidOf(`${project.id}:attribute:${key}`),
      name,
      type,
      valueOf: (participant) => {
        const attribute = participant.attributes.find((a) => a.key === key);
        if (!attribute) return null;
        switch (attribute.type) {
          case 'number':
            return decimalString(attribute.value);
          case 'boolean':
            return String(attribute.value);
          case 'date':
            return attribute.value;
          case 'text':
            return nonEmpty(attribute.value);
        }
      },
    });
  }
  return used;
}

/** Writes `Variables` (when there are any). */
export function writeVariables(writer: XmlWriter, variables: readonly Variable[]): void {
  if (variables.length === 0) return;
  writer.open('Variables');
  for (const variable of variables) {
    writer.empty('Variable', [
      ['guid', variable.guid],
      ['name', variable.name],
      ['typeOfVariable', variable.type],
    ]);
  }
  writer.close('Variables');
}

/**
 * Writes `Cases`, one per participant named by pseudonym only, with its variable values and the
 * exported sources it takes part in. Returns how many cases were written.
 */
export function writeCases(
  writer: XmlWriter,
  participants: readonly Participant[],
  variables: readonly Variable[],
  sourceGuidsOf: (participantId: string) => readonly string[],
): number {
  if (participants.length === 0) return 0;
  writer.open('Cases');
  for (const participant of participants) {
    const attributes = [
      ['guid', guidOf(participant.id)],
      ['name', participant.code],
    ] as const;
    const values = variables.flatMap((variable) => {
      const value = variable.valueOf(participant);
      return value === null ? [] : [{ variable, value }];
    });
    const sources = sourceGuidsOf(participant.id);
    if (values.length === 0 && sources.length === 0) {
      writer.empty('Case', attributes);
      continue;
    }
    writer.open('Case', attributes);
    for (const { variable, value } of values) {
      writer.open('VariableValue');
      writer.empty('VariableRef', [['targetGUID', variable.guid]]);
      writer.text(VALUE_ELEMENT[variable.type], value);
      writer.close('VariableValue');
    }
    for (const guid of sources) writer.empty('SourceRef', [['targetGUID', guid]]);
    writer.close('Case');
  }
  writer.close('Cases');
  return participants.length;
}
