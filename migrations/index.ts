import { Foundation1795647000000 } from './1795647000000-Foundation.js';
import { PortfolioGraph1795647100000 } from './1795647100000-PortfolioGraph.js';
import { AuditWaivers1795647200000 } from './1795647200000-AuditWaivers.js';
import { Accounts1795647300000 } from './1795647300000-Accounts.js';
import { GraphStatistics1795647400000 } from './1795647400000-GraphStatistics.js';
import { Governance1795647500000 } from './1795647500000-Governance.js';
import { AccountChangeLog1795647600000 } from './1795647600000-AccountChangeLog.js';
import { SnapshotsRaid1795647700000 } from './1795647700000-SnapshotsRaid.js';
import { MapLayouts1795647800000 } from './1795647800000-MapLayouts.js';
import { OkrCycles1795647900000 } from './1795647900000-OkrCycles.js';
import { MapViewOrder1795648000000 } from './1795648000000-MapViewOrder.js';

/**
 * Every migration, in order. Listed by hand rather than globbed so the same list works
 * compiled, under jest and in the benchmarks, and a forgotten file fails review, not production.
 */
export const MIGRATIONS = [
  Foundation1795647000000,
  PortfolioGraph1795647100000,
  AuditWaivers1795647200000,
  Accounts1795647300000,
  GraphStatistics1795647400000,
  Governance1795647500000,
  AccountChangeLog1795647600000,
  SnapshotsRaid1795647700000,
  MapLayouts1795647800000,
  OkrCycles1795647900000,
  MapViewOrder1795648000000,
];
