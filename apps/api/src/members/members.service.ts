import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { requirePrincipal, requireRole } from '../auth/current-principal.js';
import { INVITE_LIFETIME_MS, linkFor, newOneTimeToken, RESET_LIFETIME_MS } from '../auth/one-time-tokens.js';
import { ChangeLogRepository, type ChangeToRecord } from '../change-log/change-log.repository.js';
import { Db } from '../platform/database/db.js';
import { DomainError } from '../platform/errors/domain-error.js';
import type { Role } from '../platform/request-context/request-context.js';
import { MembersRepository, type InviteRow, type MemberRow } from './members.repository.js';

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  unitIds: string[];
  totpEnabled: boolean;
  joinedAt: string;
}

export interface Invite {
  id: string;
  email: string;
  role: Role;
  unitIds: string[];
  createdAt: string;
  expiresAt: string;
  createdBy: string | null;
}

/**
 * The admin's side of membership: the members and their roles and units, invites and
 * password-reset links (one-time, shown to the admin once; no mail server). An organisation
 * always keeps at least one admin.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly db: Db,
    private readonly members: MembersRepository,
    private readonly log: ChangeLogRepository,
  ) {}

  /** Every member sees who is in the organisation (business units have owners among them); only admins change it. */
  async list(): Promise<Member[]> {
    requirePrincipal();
    return (await this.members.list()).map(toMember);
  }

  async update(userId: string, change: { role?: Role; unitIds?: string[] }): Promise<Member> {
    requireRole('admin');
    return this.db.transaction(async () => {
      const admins = await this.members.lockAdmins();
      const current = await this.members.get(userId);
      if (!current) throw notAMember();
      const role = change.role ?? current.role;
      if (current.role === 'admin' && role !== 'admin' && admins.length <= 1) throw lastAdmin('demote');
      const unitIds = await this.unitsFor(role, change.unitIds ?? (role === 'contributor' ? current.unit_ids : []));
      await this.members.update(userId, { role, unitIds });
      const after = toMember((await this.members.get(userId))!);
      await this.log.append([membershipChange('update', userId, toMember(current), after)]);
      return after;
    });
  }

  async remove(userId: string): Promise<void> {
    requireRole('admin');
    await this.db.transaction(async () => {
      const admins = await this.members.lockAdmins();
      const current = await this.members.get(userId);
      if (!current) throw notAMember();
      if (current.role === 'admin' && admins.length <= 1) throw lastAdmin('remove');
      await this.members.remove(userId);
      await this.log.append([membershipChange('delete', userId, toMember(current), null)]);
    });
  }

  async invite(
    input: { email: string; role: Role; unitIds?: string[] },
    origin: string,
  ): Promise<Invite & { link: string }> {
    const admin = requireRole('admin');
    const email = input.email.trim().toLowerCase();
    const { token, hash } = newOneTimeToken();
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS);
    const invite = await this.db.transaction(async () => {
      if (await this.members.isMemberByEmail(email)) {
        throw new DomainError('CONFLICT', 'That person is already a member of this organisation.', { field: 'email' });
      }
      const unitIds = await this.unitsFor(input.role, input.unitIds ?? []);
      await this.members.insertInvite({
        id,
        email,
        role: input.role,
        unitIds,
        tokenHash: hash,
        createdBy: admin.userId,
        expiresAt,
      });
      await this.log.append([
        {
          action: 'create',
          entityType: 'invite',
          entityId: id,
          nodeIds: [],
          before: null,
          after: { email, role: input.role, unitIds, expiresAt: expiresAt.toISOString() },
        },
      ]);
      return {
        id,
        email,
        role: input.role,
        unitIds,
        createdAt: new Date().toISOString(),
        expiresAt: expiresAt.toISOString(),
        createdBy: admin.name,
      };
    });
    return { ...invite, link: linkFor(origin, 'invite', token) };
  }

  async invites(): Promise<Invite[]> {
    requireRole('admin');
    return (await this.members.openInvites()).map(toInvite);
  }

  async withdrawInvite(id: string): Promise<void> {
    requireRole('admin');
    await this.db.transaction(async () => {
      if (!(await this.members.deleteInvite(id))) throw new DomainError('NOT_FOUND', 'No open invite with that id.');
      await this.log.append([
        { action: 'delete', entityType: 'invite', entityId: id, nodeIds: [], before: null, after: null },
      ]);
    });
  }

  async passwordResetLink(userId: string, origin: string): Promise<{ link: string; expiresAt: string }> {
    const admin = requireRole('admin');
    const { token, hash } = newOneTimeToken();
    const expiresAt = new Date(Date.now() + RESET_LIFETIME_MS);
    await this.db.transaction(async () => {
      if (!(await this.members.get(userId))) throw notAMember();
      await this.members.insertPasswordReset({
        id: randomUUID(),
        userId,
        tokenHash: hash,
        createdBy: admin.userId,
        expiresAt,
      });
      // Who handed out a way into whose account, and until when (never the link itself).
      await this.log.append([
        membershipChange('update', userId, null, { passwordResetLinkIssued: true, expiresAt: expiresAt.toISOString() }),
      ]);
    });
    return { link: linkFor(origin, 'reset-password', token), expiresAt: expiresAt.toISOString() };
  }

  /** A contributor's units, each a unit of this organisation; the other roles have none. */
  private async unitsFor(role: Role, unitIds: string[]): Promise<string[]> {
    const unique = [...new Set(unitIds)];
    if (role !== 'contributor') {
      if (unique.length) {
        throw new DomainError('INVALID_FIELD', 'Only contributors belong to business units.', { field: 'unitIds' });
      }
      return [];
    }
    const unknown = await this.members.unknownUnits(unique);
    if (unknown.length) {
      throw new DomainError('INVALID_FIELD', 'Some units are not business units of this organisation.', {
        field: 'unitIds',
        unknown,
      });
    }
    return unique;
  }
}

function membershipChange(
  action: 'create' | 'update' | 'delete',
  userId: string,
  before: unknown,
  after: unknown,
): ChangeToRecord {
  return { action, entityType: 'membership', entityId: userId, nodeIds: [], before, after };
}

function notAMember() {
  return new DomainError('NOT_FOUND', 'No member with that id in this organisation.');
}

function lastAdmin(what: 'demote' | 'remove') {
  return new DomainError('INVALID_STATE', `You cannot ${what} the last admin: make another member admin first.`);
}

function toMember(row: MemberRow): Member {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    unitIds: row.unit_ids,
    totpEnabled: row.totp_enabled,
    joinedAt: row.created_at.toISOString(),
  };
}

function toInvite(row: InviteRow): Invite {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    unitIds: row.unit_ids,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    createdBy: row.created_by_name,
  };
}
