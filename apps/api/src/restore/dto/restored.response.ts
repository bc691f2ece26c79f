import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { LINK_KINDS, type NodeRecord } from '@throughline/domain';
import type { Restored, SkippedLink } from '../restore.service.js';

export class SkippedLinkDto implements SkippedLink {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fromId: string;
  @ApiProperty({ format: 'uuid' }) toId: string;
  @ApiProperty({ enum: LINK_KINDS, enumName: 'LinkKind' }) kind: string;
  @ApiProperty({ example: 'its other end no longer exists, or the same link was made again' }) reason: string;
}

/** What a restore brought back, and which of the node's links it could not. */
export class RestoredDto implements Restored {
  @ApiProperty({
    allOf: [{ $ref: getSchemaPath('NodeDto') }],
    description: 'The node, as GET /api/nodes/{id} answers.',
  })
  node: NodeRecord;
  @ApiProperty({ type: [String], description: 'Ids of the links restored with it.' }) restoredLinkIds: string[];
  @ApiProperty({ type: [SkippedLinkDto] }) skippedLinks: SkippedLinkDto[];
}
