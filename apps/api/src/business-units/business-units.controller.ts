import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../platform/http/params.js';
import { BusinessUnitsService } from './business-units.service.js';
import { BusinessUnitDto, CreateBusinessUnitDto, UpdateBusinessUnitDto } from './dto/business-unit.dto.js';

@ApiTags('business units')
@Controller('business-units')
export class BusinessUnitsController {
  constructor(private readonly units: BusinessUnitsService) {}

  @Get()
  @ApiOkResponse({ type: [BusinessUnitDto] })
  list() {
    return this.units.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: BusinessUnitDto })
  get(@UuidParam() id: string) {
    return this.units.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: BusinessUnitDto })
  create(@Body() dto: CreateBusinessUnitDto) {
    return this.units.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: BusinessUnitDto })
  update(@UuidParam() id: string, @Body() dto: UpdateBusinessUnitDto) {
    return this.units.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'The unit is still used by nodes or child units (IN_USE).' })
  delete(@UuidParam() id: string) {
    return this.units.delete(id);
  }
}
