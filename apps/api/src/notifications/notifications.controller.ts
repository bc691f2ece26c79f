import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import {
  ListNotificationsQuery,
  MarkNotificationsReadDto,
  NotificationListDto,
  UnreadCountDto,
} from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications', description: 'Newest first, with how many are unread.' })
  @ApiOkResponse({ type: NotificationListDto })
  @ApiErrors(400, 503)
  list(@Query() query: ListNotificationsQuery) {
    return this.notifications.list(query.limit, query.before);
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark notifications read', description: '`{ ids }` or `{ all: true }`; only your own.' })
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiErrors(400, [422, 'INVALID_FIELD: neither ids nor all.'], 503)
  read(@Body() body: MarkNotificationsReadDto) {
    return this.notifications.markRead(body);
  }
}
