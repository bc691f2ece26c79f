import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** A map view's name, as the web app writes it (scope, root, filters: `auto`, `chain|<id>`, `all|kind=project`…). */
class ViewField {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'auto', description: 'The map view the positions are for.' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(/^\S+$/, { message: 'view must be a view key without spaces' })
  view: string;
}

export class MapLayoutQuery extends ViewField {}

export class PositionDto {
  @ApiProperty({ example: 120 }) x: number;
  @ApiProperty({ example: 340 }) y: number;
}

export class PutMapLayoutDto extends ViewField {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/PositionDto' },
    description:
      'Positions by node id, upserted (nodes not named keep theirs). At most 5,000; x and y finite, within ±1,000,000; every node of this organisation.',
  })
  @IsObject()
  positions: Record<string, PositionDto>;
}

export class MapLayoutDto {
  @ApiProperty() view: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/PositionDto' },
    description:
      'Where the organisation’s arrangement puts each node of the view, by node id; nodes not listed are laid out automatically.',
  })
  positions: Record<string, PositionDto>;
  @ApiProperty({ nullable: true, type: String, description: 'Who last moved a node of this view.' })
  updatedBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When (ISO 8601).' })
  updatedAt: string | null;
}
