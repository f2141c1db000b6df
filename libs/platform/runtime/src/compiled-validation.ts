import { PAYLOAD_MAX_DEPTH } from '@oncall/contracts';
import { isStorableText } from '@oncall/incident-domain';
import { getMetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';
import { validatePayload } from './validation.pipe';

type Condition = (object: object, value: unknown) => boolean;

interface Check {
  validate(value: unknown, args: ValidationArguments): unknown;
  validateIf?: Condition;
  constraints: unknown[];
}

interface CompiledProperty {
  name: string;
  conditions: Condition[];
  checks: Check[];
}

/**
 * Keys class-transformer treats specially (it crashes on `constructor`, and drops any key that names a
 * member of Object.prototype, such as `toString`): left to validatePayload.
 */
const isSpecialKey = (key: string) => key in Object.prototype || key === 'prototype';

/**
 * A validator for `dto` built once from the DTO's own class-validator metadata, for hot paths (the gateway,
 * ADR 0132): it runs each property's constraints straight on the parsed body, without class-transformer or
 * error objects. Whatever it cannot vouch for (a failed check, keys class-transformer handles specially,
 * DTOs with nested, `each` or grouped validation) goes to validatePayload, so the refusals (and the rules,
 * whoever adds them to the DTO) are exactly validatePayload's. An accepted body is returned as it is, typed
 * as the DTO: callers read its fields.
 */
export function compilePayloadValidator<T extends object>(
  dto: new () => T,
): (plain: Record<string, unknown>) => T {
  const properties = compile(dto);
  if (!properties) return (plain) => validatePayload(dto, plain);
  return (plain) =>
    !needsFullCheck(plain, 0) && passes(dto.name, properties, plain)
      ? (plain as T)
      : validatePayload(dto, plain);
}

function compile(dto: new () => object): CompiledProperty[] | undefined {
  const storage = getMetadataStorage();
  // As validateSync asks for them (no groups, `always` off).
  const metadatas = storage.getTargetValidationMetadatas(dto, '', false, false);
  const byName = new Map<string, CompiledProperty>();
  for (const metadata of metadatas) {
    if (metadata.each || (metadata.groups?.length ?? 0) > 0) return undefined;
    const property = byName.get(metadata.propertyName) ?? {
      name: metadata.propertyName,
      conditions: [],
      checks: [],
    };
    byName.set(metadata.propertyName, property);
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      property.conditions.push(metadata.constraints[0] as Condition);
    } else if (
      metadata.type === ValidationTypes.CUSTOM_VALIDATION ||
      metadata.type === ValidationTypes.IS_DEFINED
    ) {
      for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
        // validateSync skips asynchronous constraints; so does this.
        if (constraint.async) continue;
        const { instance } = constraint;
        property.checks.push({
          validate: (value, args) => instance.validate(value, args),
          validateIf: metadata.validateIf,
          constraints: metadata.constraints,
        });
      }
    } else if (metadata.type !== ValidationTypes.WHITELIST) {
      return undefined;
    }
  }
  return [...byName.values()];
}

function passes(
  targetName: string,
  properties: CompiledProperty[],
  object: Record<string, unknown>,
): boolean {
  for (const { name, conditions, checks } of properties) {
    const value = object[name];
    if (!conditions.every((condition) => condition(object, value))) continue;
    for (const { validate, validateIf, constraints } of checks) {
      if (validateIf && !validateIf(object, value)) continue;
      const args: ValidationArguments = { targetName, property: name, object, value, constraints };
      // Falsy is a failure, as class-validator reads it.
      if (!validate(value, args)) return false;
    }
  }
  return true;
}

/**
 * Whether the body holds anything the fast path does not vouch for: keys class-transformer treats
 * specially, deep nesting, or text PostgreSQL cannot store (ADR 0095: validatePayload refuses that,
 * whichever field holds it, unknown fields included).
 */
function needsFullCheck(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return !isStorableText(value);
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= PAYLOAD_MAX_DEPTH) return true;
  if (Array.isArray(value)) return value.some((item) => needsFullCheck(item, depth + 1));
  for (const key of Object.keys(value)) {
    if (isSpecialKey(key) || !isStorableText(key)) return true;
    if (needsFullCheck((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}
