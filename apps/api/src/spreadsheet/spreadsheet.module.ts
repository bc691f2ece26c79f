import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PortfolioIoModule } from '../portfolio-io/portfolio-io.module.js';
import { ColumnMappingsRepository } from './column-mappings.repository.js';
import { SheetExportService } from './sheet-export.service.js';
import { SpreadsheetController } from './spreadsheet.controller.js';
import { SpreadsheetImportService } from './spreadsheet-import.service.js';

/** Spreadsheet import (CSV, XLSX) through the interchange import, remembered column mappings, and CSV/XLSX exports. */
@Module({
  imports: [PortfolioIoModule, AuditModule],
  controllers: [SpreadsheetController],
  providers: [SpreadsheetImportService, ColumnMappingsRepository, SheetExportService],
})
export class SpreadsheetModule {}
