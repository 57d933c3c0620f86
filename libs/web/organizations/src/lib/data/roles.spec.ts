import { HttpErrorResponse } from '@angular/common/http';
import type { MemberDto, PendingInvitationDto } from '@mezzo/shared-contracts';
import {
  canChangeRole,
  canRemove,
  canWithdraw,
  grantableRoles,
  isManager,
  refusalMessage,
} from './roles';

const member = (role: MemberDto['role'], userId = 'u2'): MemberDto => ({
  userId,
  name: 'Sam Worker',
  email: 'sam@example.org',
  role,
  joinedAt: '2026-01-01T00:00:00.000Z',
});
const invitation = (
  role: PendingInvitationDto['role'],
): PendingInvitationDto => ({
  id: 'i1',
  email: 'new@example.org',
  role,
  invitedByName: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2026-01-15T00:00:00.000Z',
});

describe('organisation roles (as the API decides them)', () => {
  it('lets owners and admins manage, not plain members', () => {
    expect(isManager('owner')).toBe(true);
    expect(isManager('admin')).toBe(true);
    expect(isManager('member')).toBe(false);
  });

  it('lets only an owner hand out the owner role', () => {
    expect(grantableRoles('owner')).toEqual(['owner', 'admin', 'member']);
    expect(grantableRoles('admin')).toEqual(['admin', 'member']);
    expect(grantableRoles('member')).toEqual([]);
  });

  it("lets only an owner change an owner's role", () => {
    expect(canChangeRole('owner', member('owner'))).toBe(true);
    expect(canChangeRole('admin', member('owner'))).toBe(false);
    expect(canChangeRole('admin', member('admin'))).toBe(true);
    expect(canChangeRole('admin', member('member'))).toBe(true);
    expect(canChangeRole('member', member('member'))).toBe(false);
  });

  it('lets managers remove others, an owner only by an owner, and nobody themselves here', () => {
    expect(canRemove('owner', 'u1', member('owner'))).toBe(true);
    expect(canRemove('admin', 'u1', member('owner'))).toBe(false);
    expect(canRemove('admin', 'u1', member('member'))).toBe(true);
    expect(canRemove('member', 'u1', member('member'))).toBe(false);
    expect(canRemove('owner', 'u1', member('owner', 'u1'))).toBe(false);
  });

  it('lets only an owner withdraw an invitation to be an owner', () => {
    expect(canWithdraw('owner', invitation('owner'))).toBe(true);
    expect(canWithdraw('admin', invitation('owner'))).toBe(false);
    expect(canWithdraw('admin', invitation('member'))).toBe(true);
    expect(canWithdraw('member', invitation('member'))).toBe(false);
  });

  it("says the API's own reason for a refusal or a broken rule, and the usual words otherwise", () => {
    const refusal = (status: number, code: string, message: string) =>
      new HttpErrorResponse({
        status,
        error: { statusCode: status, code, message },
      });
    expect(
      refusalMessage(
        refusal(
          409,
          'conflict',
          'An organisation needs at least one owner; make someone else owner first',
        ),
      ),
    ).toBe(
      'An organisation needs at least one owner; make someone else owner first.',
    );
    expect(
      refusalMessage(
        refusal(403, 'forbidden', 'Only an owner can remove an owner'),
      ),
    ).toBe('Only an owner can remove an owner.');
    expect(refusalMessage(new HttpErrorResponse({ status: 0 }))).toBe(
      'Cannot reach Mezzo. Check your connection.',
    );
  });
});
