import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { MapLayoutDto, MapLayoutQuery, PositionDto, PutMapLayoutDto } from './dto/map-layout.dto.js';
import { MapLayoutsService } from './map-layouts.service.js';

/** Where the cards of each map view sit, shared by the organisation (issue 11). */
@ApiTags('graph')
@ApiExtraModels(PositionDto)
@Controller('map-layouts')
export class MapLayoutsController {
  constructor(private readonly layouts: MapLayoutsService) {}

  @Get()
  @ApiOperation({
    summary: 'The organisation’s arrangement of a map view',
    description: 'Positions set by a PMO or admin; nodes not listed are laid out automatically.',
  })
  @ApiOkResponse({ type: MapLayoutDto })
  @ApiErrors(400, 503)
  get(@Query() query: MapLayoutQuery) {
    return this.layouts.get(query.view);
  }

  @Put()
  @ApiOperation({
    summary: 'Save positions in a map view',
    description: 'Upserts the given nodes’ positions for everyone in the organisation, in one transaction.',
  })
  @ApiOkResponse({ type: MapLayoutDto })
  @ApiErrors(
    400,
    413,
    415,
    [422, 'INVALID_FIELD: too many positions, a coordinate out of range, or a node not in this organisation.'],
    503,
  )
  put(@Body() dto: PutMapLayoutDto) {
    return this.layouts.put(dto.view, dto.positions);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Forget a map view’s arrangement',
    description: 'Everyone sees the automatic layout again.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 503)
  clear(@Query() query: MapLayoutQuery) {
    return this.layouts.clear(query.view);
  }
}
