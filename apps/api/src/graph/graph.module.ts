import { Module } from '@nestjs/common';
import { GraphController } from './graph.controller.js';
import { GraphRepository } from './graph.repository.js';
import { GraphService } from './graph.service.js';

@Module({ controllers: [GraphController], providers: [GraphService, GraphRepository], exports: [GraphRepository] })
export class GraphModule {}
