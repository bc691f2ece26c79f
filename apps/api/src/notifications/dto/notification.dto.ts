import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, Equals, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { OptionalNotNull } from '../../platform/validation/validators.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notifications.repository.js';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Page on: the notifications older than this one.' })
  @OptionalNotNull()
  @IsUUID()
  before?: string;
}

export class MarkNotificationsReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Your notifications to mark read.' })
  @OptionalNotNull()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ enum: [true], description: 'Mark every one of your notifications read.' })
  @OptionalNotNull()
  @Equals(true)
  all?: true;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ example: 'Alex Morgan approved your proposal: BAU-4 contributes to KR-3.1.' }) message: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) linkId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) fromNodeId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) toNodeId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) readAt: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ description: 'How many of your notifications are unread (for the badge).' }) unread: number;
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}
