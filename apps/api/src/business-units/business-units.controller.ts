import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { BusinessUnitsService } from './business-units.service.js';
import { BusinessUnitDto, CreateBusinessUnitDto, UpdateBusinessUnitDto } from './dto/business-unit.dto.js';

@ApiTags('business units')
@Controller('business-units')
export class BusinessUnitsController {
  constructor(private readonly units: BusinessUnitsService) {}

  @Get()
  @ApiOperation({ summary: 'List business units' })
  @ApiOkResponse({ type: [BusinessUnitDto] })
  @ApiErrors(503)
  list() {
    return this.units.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a business unit' })
  @ApiOkResponse({ type: BusinessUnitDto })
  @ApiErrors(400, 404, 503)
  get(@UuidParam() id: string) {
    return this.units.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a business unit' })
  @ApiCreatedResponse({ type: BusinessUnitDto })
  @ApiErrors(
    400,
    [409, 'KEY_TAKEN: another unit has that key.'],
    413,
    415,
    [422, 'INVALID_FIELD: the parent does not exist.'],
    503,
  )
  create(@Body() dto: CreateBusinessUnitDto) {
    return this.units.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a business unit', description: 'Leave a field out to keep it.' })
  @ApiOkResponse({ type: BusinessUnitDto })
  @ApiErrors(
    400,
    404,
    [409, 'VERSION_CONFLICT (a stale `version`) or KEY_TAKEN.'],
    413,
    415,
    [422, 'INVALID_FIELD: the parent does not exist or would close a cycle.'],
    503,
  )
  update(@UuidParam() id: string, @Body() dto: UpdateBusinessUnitDto) {
    return this.units.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a business unit' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrors(400, 404, [409, 'IN_USE: the unit is still used by nodes or child units.'], 503)
  delete(@UuidParam() id: string) {
    return this.units.delete(id);
  }
}
