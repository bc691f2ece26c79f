import { Module } from '@nestjs/common';
import { ViewsController } from './views.controller.js';
import { ViewsRepository } from './views.repository.js';
import { ViewsService } from './views.service.js';

/** The map's scoped views of the graph and the chain trace (`GET /api/graph`, `GET /api/graph/trace/:id`). */
@Module({ controllers: [ViewsController], providers: [ViewsService, ViewsRepository] })
export class ViewsModule {}
