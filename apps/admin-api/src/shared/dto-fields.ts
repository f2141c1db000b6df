import { stacked } from '@oncall/platform-config';
import { ClassConstructor, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

// `stacked` keeps the order of a written stack of decorators, so messages and OpenAPI stay as they were.

/** A required string with something in it, of at most `maxLength` characters (a name, a note). */
export const RequiredText = (maxLength: number): PropertyDecorator =>
  stacked(IsString(), IsNotEmpty(), MaxLength(maxLength));

/** An optional string of at most `maxLength` characters; empty is allowed (a description, an external id). */
export const OptionalText = (maxLength: number): PropertyDecorator =>
  stacked(IsOptional(), IsString(), MaxLength(maxLength));

/** An optional string that, when given, has something in it and at most `maxLength` characters. */
export const OptionalNonEmptyText = (maxLength: number): PropertyDecorator =>
  stacked(IsOptional(), IsString(), IsNotEmpty(), MaxLength(maxLength));

/** `expectedVersion` of a body: the version the caller read; a resource changed since is refused with 409. */
export const ExpectedVersion = (): PropertyDecorator => stacked(IsOptional(), IsInt(), Min(1));

/**
 * A nested object whose class is picked by its `property` (kept on the object), so each kind is validated
 * by its own rules; `fallback` is the class an unknown kind is validated as, so the error names the property.
 */
export const DiscriminatedType = (
  property: string,
  fallback: ClassConstructor<object>,
  subTypes: Record<string, ClassConstructor<object>>,
): PropertyDecorator =>
  Type(() => fallback, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property,
      subTypes: Object.entries(subTypes).map(([name, value]) => ({ name, value })),
    },
  });
