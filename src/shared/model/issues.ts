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
