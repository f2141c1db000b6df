import { Transform } from 'class-transformer';
import { IsIn } from 'class-validator';

/** `a, b,c` in a query string read as `['a', 'b', 'c']` (blank parts dropped); anything else left as is. */
const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

/**
 * A query parameter taking a comma-separated list of `values` (`?severity=critical,high`), each checked;
 * a refusal names the parameter and lists what it takes.
 */
export function IsCommaListOf(values: readonly string[]): PropertyDecorator {
  return (target, property) => {
    IsIn(values, {
      each: true,
      message: `${String(property)} must be a comma-separated list of: ${values.join(', ')}`,
    })(target, property as string);
    Transform(commaList)(target, property as string);
  };
}
