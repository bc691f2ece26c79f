import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { UuidParam } from '../platform/http/params.js';
import { AuditService } from './audit.service.js';
import {
  AuditQuery,
  AuditReportDto,
  AuditRulesDto,
  AuditSettingsDto,
  AuditWaiverDto,
  AuditWaiverViewDto,
  CreateWaiverDto,
  UpdateAuditSettingsDto,
} from './dto/audit.dto.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @HeavyRead()
  @ApiOkResponse({ type: AuditReportDto, description: 'Every rule of the audit run on the current graph.' })
  report(@Query() query: AuditQuery) {
    return this.audit.report(query);
  }

  @Get('rules')
  @ApiOkResponse({ type: AuditRulesDto })
  rules() {
    return this.audit.rules();
  }

  @Patch('settings')
  @ApiOkResponse({ type: AuditSettingsDto })
  updateSettings(@Body() dto: UpdateAuditSettingsDto) {
    return this.audit.updateSettings(dto);
  }

  @Get('waivers')
  @HeavyRead()
  @ApiOkResponse({ type: [AuditWaiverViewDto], description: 'Every waiver, with where it stands today.' })
  waivers() {
    return this.audit.listWaivers();
  }

  @Post('waivers')
  @HeavyRead()
  @ApiCreatedResponse({ type: AuditWaiverDto })
  @ApiNotFoundResponse({ description: 'No open finding has that id.' })
  @ApiConflictResponse({ description: 'The finding is already under a waiver in force.' })
  createWaiver(@Body() dto: CreateWaiverDto) {
    return this.audit.createWaiver(dto);
  }

  @Delete('waivers/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  deleteWaiver(@UuidParam() id: string) {
    return this.audit.deleteWaiver(id);
  }
}
