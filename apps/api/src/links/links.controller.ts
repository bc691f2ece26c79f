import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { UuidParam } from '../platform/http/params.js';
import { CreateLinkDto, LinkDto, ListLinksQuery, UpdateLinkDto } from './dto/link.dto.js';
import { LinksService } from './links.service.js';

@ApiTags('links')
@Controller('links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Get()
  @ApiOkResponse({ type: [LinkDto] })
  list(@Query() query: ListLinksQuery) {
    return this.links.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: LinkDto })
  get(@UuidParam() id: string) {
    return this.links.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: LinkDto })
  @ApiUnprocessableEntityResponse({ description: 'LINK_NOT_ALLOWED (kind pair outside the matrix) or LINK_SELF.' })
  @ApiConflictResponse({
    description: 'LINK_DUPLICATE, or LINK_CYCLE with `details.cycle` (the keys around the cycle).',
  })
  create(@Body() dto: CreateLinkDto) {
    return this.links.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: LinkDto })
  update(@UuidParam() id: string, @Body() dto: UpdateLinkDto) {
    return this.links.update(id, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: LinkDto })
  approve(@UuidParam() id: string) {
    return this.links.approve(id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: LinkDto })
  reject(@UuidParam() id: string) {
    return this.links.reject(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  delete(@UuidParam() id: string) {
    return this.links.delete(id);
  }
}
