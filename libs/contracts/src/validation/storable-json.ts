import { isStorableText } from '@oncall/shared-text';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Nesting any body may have (`details` included); deeper is refused before anything walks it recursively. */
export const PAYLOAD_MAX_DEPTH = 32;
/** Keys that name JavaScript's object machinery: copying them onto objects (class-transformer does) breaks. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** A body with many bad strings gets its first few named, not a list as long as the body. */
const MAX_PROBLEMS = 20;

const UNSTORABLE = 'must not contain NUL characters or unpaired surrogates (PostgreSQL cannot store them)';

/**
 * What makes a parsed JSON body unacceptable whatever its type, checked before any DTO sees it: a string
 * or key PostgreSQL cannot store (it would be accepted, then lost), nesting deeper than PAYLOAD_MAX_DEPTH,
 * or a key named `__proto__`, `constructor` or `prototype`. Fields are named as the validation pipe
 * names them (`details.disks.0.name`). Iterative, so no body can exhaust the stack.
 */
export function storableJsonProblems(body: unknown, maxDepth = PAYLOAD_MAX_DEPTH): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: { value: unknown; path: string[] }[] = [{ value: body, path: [] }];
  for (let next = pending.pop(); next && problems.length < MAX_PROBLEMS; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (!isStorableText(value))
        problems.push({ field: nameOf(path), message: `${nameOf(path)} ${UNSTORABLE}` });
    } else if (typeof value === 'object' && value !== null) {
      if (path.length >= maxDepth) {
        const field = path[0] ?? 'body';
        problems.push({ field, message: `${field} must not be nested more than ${maxDepth} levels deep` });
        continue;
      }
      const entries = Array.isArray(value)
        ? value.map((item, index) => [String(index), item] as const)
        : Object.entries(value);
      for (const [key, child] of entries.reverse()) {
        const problem = keyProblem(key, path);
        if (problem) problems.push(problem);
        else pending.push({ value: child, path: [...path, key] });
      }
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

function keyProblem(key: string, path: string[]): FieldProblem | undefined {
  if (!isStorableText(key)) {
    const field = nameOf(path);
    return { field, message: `${field} has a key that ${UNSTORABLE}` };
  }
  if (FORBIDDEN_KEYS.has(key)) {
    const field = nameOf([...path, key]);
    return {
      field,
      message: `${field} is not accepted: keys may not be named __proto__, constructor or prototype`,
    };
  }
  return undefined;
}

function nameOf(path: string[]): string {
  return path.length > 0 ? path.join('.') : 'body';
}
