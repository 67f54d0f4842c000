import type { z } from 'zod';

/** The first few problems of a failed validation, as one line a person can read. */
export function describeIssues(error: z.ZodError, max = 3): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length - max;
  return more > 0 ? `${lines.join('; ')}; +${more}` : lines.join('; ');
}

/** What is wrong with a value, in words the catalogues can say in the user's language. */
export const VALIDATION_PROBLEMS = [
  'date',
  'datetime',
  'required',
  'tooShort',
  'tooLong',
  'tooSmall',
  'tooBig',
  'number',
  'integer',
  'format',
  'choice',
  'invalid',
] as const;
export type ValidationProblem = (typeof VALIDATION_PROBLEMS)[number];

/** One problem of a refused value: the field (its name, not its schema path) and what is wrong. */
export interface ValidationIssue {
  field: string;
  problem: ValidationProblem;
  /** The limit a too long, too short, too small or too big value broke. */
  limit?: number;
}

function problemOf(issue: z.core.$ZodIssue): { problem: ValidationProblem; limit?: number } {
  switch (issue.code) {
    case 'invalid_format':
      if (issue.format === 'date') return { problem: 'date' };
      if (issue.format === 'datetime') return { problem: 'datetime' };
      return { problem: 'format' };
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string')
        return limit <= 1 ? { problem: 'required' } : { problem: 'tooShort', limit };
      return { problem: 'tooSmall', limit };
    }
    case 'too_big':
      return {
        problem: issue.origin === 'string' ? 'tooLong' : 'tooBig',
        limit: Number(issue.maximum),
      };
    case 'invalid_type':
      if (issue.expected === 'int') return { problem: 'integer' };
      return { problem: issue.expected === 'number' ? 'number' : 'invalid' };
    case 'invalid_value':
      return { problem: 'choice' };
    default:
      return { problem: 'invalid' };
  }
}

/**
 * The problems of a failed validation as the user is told them: the name of each field (the last
 * name in its path: "date", not "patch.date") and a problem the catalogues translate, never
 * zod's English message nor the schema path.
 */
export function issuesForUser(error: z.ZodError, max = 3): ValidationIssue[] {
  return error.issues.slice(0, max).map((issue) => {
    const field = [...issue.path].reverse().find((part) => typeof part === 'string') ?? '';
    return { field: String(field), ...problemOf(issue) };
  });
}
