import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { LinkDecisionsService } from './link-decisions.service.js';
import { LinksController } from './links.controller.js';
import { LinksRepository } from './links.repository.js';
import { LinksService } from './links.service.js';

@Module({
  imports: [NotificationsModule],
  controllers: [LinksController],
  providers: [LinksService, LinkDecisionsService, LinksRepository],
  exports: [LinksRepository],
})
export class LinksModule {}
