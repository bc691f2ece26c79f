import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_STATUS, type ErrorBody } from './domain-error.js';

/** The body of every error response, as `HttpErrorFilter` sends it (documented once, referenced by every operation). */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 404, description: 'The HTTP status, repeated.' })
  statusCode: number;

  @ApiProperty({
    enum: Object.keys(ERROR_STATUS),
    enumName: 'ErrorCode',
    example: 'NOT_FOUND',
    description: 'What went wrong, for programs: one code per cause (docs/api.md, "Errors").',
  })
  code: string;

  @ApiProperty({ example: 'No node has id 9b2f0f7e-3c1d-4a57-b7d5-0e1f2a3b4c5d.', description: 'For people.' })
  message: string;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
    description:
      'Per code: the wrong fields `[{ field, problems }]` (VALIDATION_FAILED), `{ current }` (VERSION_CONFLICT), ' +
      '`{ cycle }` (LINK_CYCLE), `[{ path, message }]` (IMPORT_INVALID), `{ requestId }` (INTERNAL).',
    example: [{ field: 'title', problems: ['title must be shorter than or equal to 200 characters'] }],
  })
  details?: unknown;
}
