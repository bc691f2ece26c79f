import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../platform/http/params.js';
import { CheckInsService } from './check-ins.service.js';
import { CheckInDto, CreateCheckInDto } from './dto/check-in.dto.js';

@ApiTags('key result check-ins')
@Controller('nodes/:id/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Get()
  @ApiOkResponse({ type: [CheckInDto], description: 'Newest first.' })
  list(@UuidParam() id: string) {
    return this.checkIns.list(id);
  }

  @Post()
  @ApiCreatedResponse({
    type: CheckInDto,
    description: 'The key result’s `current` becomes the value when this is its newest check-in.',
  })
  add(@UuidParam() id: string, @Body() dto: CreateCheckInDto) {
    return this.checkIns.add(id, dto);
  }
}
