import { validateGroupingRule } from '@oncall/dedup-domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A service's `grouping`: a rule the correlator can apply, or null (ADR 0175). */
export function IsGroupingRule(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isGroupingRule',
      validator: {
        validate: (value: unknown) => validateGroupingRule(value).length === 0,
        defaultMessage: (args) =>
          validateGroupingRule(args?.value)
            .map((problem) => `${problem.field} ${problem.message}`)
            .join('; '),
      },
    },
    options,
  );
}
