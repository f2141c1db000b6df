import { isStorableText } from './text-rules';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Nesting free JSON (`details`, `custom_details`, `evidence`) may have; the platform's body limit. */
export const JSON_MAX_DEPTH = 32;
/** Keys that name JavaScript's object machinery: copying them onto objects breaks. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** A value with many bad strings gets its first few named, not a list as long as the value. */
const MAX_PROBLEMS = 10;
const UNSTORABLE = 'must not contain NUL characters or unpaired surrogates (PostgreSQL cannot store them)';

/**
 * What makes free JSON under `field` unstorable: a string or key with NUL or an unpaired surrogate,
 * nesting deeper than JSON_MAX_DEPTH, or a key named `__proto__`, `constructor` or `prototype`. Fields
 * are named like the rest (`details.disks.0.name`). Iterative, so no value can exhaust the stack.
 */
export function jsonProblems(value: unknown, field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: field, depth: 0 }];
  for (let next = pending.pop(); next && problems.length < MAX_PROBLEMS; next = pending.pop()) {
    if (typeof next.value === 'string') {
      if (!isStorableText(next.value))
        problems.push({ field: next.path, message: `${next.path} ${UNSTORABLE}` });
    } else if (typeof next.value === 'object' && next.value !== null) {
      if (next.depth >= JSON_MAX_DEPTH) {
        problems.push({
          field,
          message: `${field} must not be nested more than ${JSON_MAX_DEPTH} levels deep`,
        });
        break;
      }
      for (const [key, child] of entriesOf(next.value).reverse()) {
        const problem = keyProblem(key, next.path);
        if (problem) problems.push(problem);
        else pending.push({ value: child, path: `${next.path}.${key}`, depth: next.depth + 1 });
      }
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

function entriesOf(value: object): [string, unknown][] {
  return Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
}

/**
 * A key's problem, named by its parent when the key itself cannot be shown. Free JSON may have any
 * storable key; names (labels) are non-blank and at most `nameMaxLength` long.
 */
export function keyProblem(key: string, path: string, nameMaxLength?: number): FieldProblem | undefined {
  if (!isStorableText(key)) return { field: path, message: `${path} has a key that ${UNSTORABLE}` };
  if (nameMaxLength !== undefined && (key.trim().length === 0 || key.length > nameMaxLength))
    return {
      field: path,
      message: `${path} has a key that is blank or longer than ${nameMaxLength} characters`,
    };
  if (FORBIDDEN_KEYS.has(key))
    return {
      field: `${path}.${key}`,
      message: `${path}.${key} is not accepted: keys may not be named __proto__, constructor or prototype`,
    };
  return undefined;
}
