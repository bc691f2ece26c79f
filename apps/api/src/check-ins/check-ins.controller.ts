import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { CheckInsService } from './check-ins.service.js';
import { CheckInDto, CreateCheckInDto } from './dto/check-in.dto.js';

@ApiTags('key result check-ins')
@Controller('nodes/:id/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Get()
  @ApiOperation({ summary: 'List a key result’s check-ins' })
  @ApiOkResponse({ type: [CheckInDto], description: 'Newest first.' })
  @ApiErrors(400, 404, 503)
  list(@UuidParam() id: string) {
    return this.checkIns.list(id);
  }

  @Post()
  @ApiOperation({ summary: 'Check in on a key result' })
  @ApiErrors(
    400,
    404,
    [409, 'CONFLICT: the key result already has a check-in of that value on that day.'],
    413,
    415,
    [422, 'INVALID_STATE: the node is not a key result.'],
    503,
  )
  @ApiCreatedResponse({
    type: CheckInDto,
    description: 'The key result’s `current` becomes the value when this is its newest check-in.',
  })
  add(@UuidParam() id: string, @Body() dto: CreateCheckInDto) {
    return this.checkIns.add(id, dto);
  }
}
