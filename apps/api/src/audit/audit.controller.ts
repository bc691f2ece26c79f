import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
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
  @ApiOperation({ summary: 'Run the audit', description: 'Every rule of the audit run on the current graph.' })
  @ApiOkResponse({ type: AuditReportDto })
  @ApiErrors(400, 503)
  report(@Query() query: AuditQuery) {
    return this.audit.report(query);
  }

  @Get('rules')
  @ApiOperation({ summary: 'List the audit rules and settings' })
  @ApiOkResponse({ type: AuditRulesDto })
  @ApiErrors(503)
  rules() {
    return this.audit.rules();
  }

  @Patch('settings')
  @ApiOperation({ summary: 'Change the audit settings', description: 'Fields left out keep their value.' })
  @ApiOkResponse({ type: AuditSettingsDto })
  @ApiErrors(400, 413, 415, 503)
  updateSettings(@Body() dto: UpdateAuditSettingsDto) {
    return this.audit.updateSettings(dto);
  }

  @Get('waivers')
  @HeavyRead()
  @ApiOperation({ summary: 'List waivers', description: 'Every waiver, with where it stands today.' })
  @ApiOkResponse({ type: [AuditWaiverViewDto] })
  @ApiErrors(503)
  waivers() {
    return this.audit.listWaivers();
  }

  @Post('waivers')
  @HeavyRead()
  @ApiOperation({ summary: 'Waive a finding', description: 'Until `expiresOn`; a lapsed waiver of it is replaced.' })
  @ApiCreatedResponse({ type: AuditWaiverDto })
  @ApiErrors(
    400,
    [404, 'NOT_FOUND: no open finding has that id.'],
    [409, 'CONFLICT: the finding is already under a waiver in force.'],
    413,
    415,
    [422, 'INVALID_FIELD: `expiresOn` is in the past.'],
    503,
  )
  createWaiver(@Body() dto: CreateWaiverDto) {
    return this.audit.createWaiver(dto);
  }

  @Delete('waivers/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a waiver' })
  @ApiNoContentResponse({ description: 'Deleted; the finding is open again.' })
  @ApiErrors(400, 404, 503)
  deleteWaiver(@UuidParam() id: string) {
    return this.audit.deleteWaiver(id);
  }
}
