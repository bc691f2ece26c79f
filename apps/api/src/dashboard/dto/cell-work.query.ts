import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { OptionalNotNull } from '../../platform/validation/validators.js';

/** `GET /api/dashboard/objectives/:id/work`: which column of the heatmap. */
export class CellWorkQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The business unit of the cell; left out: the objective’s work without a unit.',
  })
  @OptionalNotNull()
  @IsUUID()
  businessUnitId?: string;
}
