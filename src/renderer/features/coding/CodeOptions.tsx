import { codePath, codeTreeOrder } from '../../../shared/domain/codebook';
import type { Code } from '../../../shared/model/project';

/** "Root › Child": a code named with its path, so same-named sub-codes are told apart. */
export function pathOf(codes: readonly Code[], id: string): string {
  return codePath(codes, id)
    .map((code) => code.name)
    .join(' › ');
}

/** The `<option>`s of every code in tree order, named by path; `exclude` leaves some out. */
export function CodeOptions({
  codes,
  exclude,
}: {
  codes: readonly Code[];
  exclude?: ReadonlySet<string>;
}) {
  return (
    <>
      {codeTreeOrder(codes)
        .filter(({ code }) => !exclude?.has(code.id))
        .map(({ code }) => (
          <option key={code.id} value={code.id}>
            {pathOf(codes, code.id)}
          </option>
        ))}
    </>
  );
}
