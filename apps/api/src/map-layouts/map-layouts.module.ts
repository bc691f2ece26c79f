import { Module } from '@nestjs/common';
import { MapLayoutsController } from './map-layouts.controller.js';
import { MapLayoutsRepository } from './map-layouts.repository.js';
import { MapLayoutsService } from './map-layouts.service.js';

/** The organisation's arrangement of each map view (`/api/map-layouts`). */
@Module({ controllers: [MapLayoutsController], providers: [MapLayoutsService, MapLayoutsRepository] })
export class MapLayoutsModule {}
