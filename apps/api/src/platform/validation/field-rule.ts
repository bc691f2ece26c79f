import type { ApiPropertyOptions } from '@nestjs/swagger';
import { checkField, KEY_PATTERN, type FieldRule } from '@throughline/domain';
import { registerDecorator } from 'class-validator';

/**
 * Validates a DTO property by its rule in libs/domain (shapes/): the same `checkField` the
 * interchange validation and the web form call, so REST and import cannot drift. `optional`
 * lets a partial update leave out a field the rule requires on create.
 */
export function FollowsRule(rule: FieldRule, options: { optional?: boolean } = {}): PropertyDecorator {
  const effective: FieldRule = options.optional ? { ...rule, required: false } : rule;
  return (target, propertyName) =>
    registerDecorator({
      name: 'followsRule',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args) => `${args.property} ${checkField(effective, args.value) ?? ''}`.trim() },
      validator: { validate: (value: unknown) => checkField(effective, value) === undefined },
    });
}

/** The OpenAPI description of a property that follows `rule` (types, limits, nullability); extras add examples. */
export function apiPropertyFor(rule: FieldRule, extra: ApiPropertyOptions = {}): ApiPropertyOptions {
  const nullable = rule.nullable ? { nullable: true } : {};
  const base = ((): ApiPropertyOptions => {
    switch (rule.type) {
      case 'text':
        return { type: String, minLength: rule.minLength, maxLength: rule.maxLength };
      case 'number':
        return {
          type: Number,
          minimum: rule.min,
          maximum: rule.max,
          description: `At most ${rule.decimals} decimals (more are refused, never rounded).`,
        };
      case 'integer':
        return { type: 'integer', minimum: rule.min, maximum: rule.max };
      case 'enum':
        return { enum: [...rule.values] };
      case 'date':
        return { type: String, format: 'date' };
      case 'key':
        return { type: String, pattern: KEY_PATTERN.source };
      case 'uuid':
        return { type: String, format: 'uuid' };
      case 'tags':
        return { type: [String], maxItems: rule.maxItems };
      case 'list':
        return { type: [String], maxItems: rule.maxItems, ...(rule.of === 'uuid' ? { format: 'uuid' } : {}) };
    }
  })();
  const description = [extra.description, base.description].filter(Boolean).join(' ');
  return {
    ...base,
    ...nullable,
    ...extra,
    ...(description ? { description } : {}),
    required: rule.required === true && extra.required !== false,
  } as ApiPropertyOptions;
}
