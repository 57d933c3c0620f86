import type { ApprovalBodyDto } from '@mezzo/shared-contracts';

/** How the engine compares bodies (`canonicalBody`): trimmed, inner spacing collapsed, any case. */
function key(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The known body a typed text names, by its code or one of its aliases (case and spacing aside), or
 * null when boards would not recognise it.
 */
export function knownBody(
  bodies: readonly ApprovalBodyDto[],
  text: string,
): ApprovalBodyDto | null {
  const k = key(text);
  if (!k) return null;
  return (
    bodies.find(
      (b) => key(b.code) === k || b.aliases.some((a) => key(a) === k),
    ) ?? null
  );
}

/** The bodies to offer for a typed text: every one whose code, label or alias contains it. */
export function matchingBodies(
  bodies: readonly ApprovalBodyDto[],
  text: string,
): readonly ApprovalBodyDto[] {
  const k = key(text);
  if (!k) return bodies;
  return bodies.filter((b) =>
    [b.code, b.label, ...b.aliases].some((s) => s.toLowerCase().includes(k)),
  );
}

/** What the field says under a body boards would not recognise; null when nothing to say. */
export function unknownBodyHint(
  bodies: readonly ApprovalBodyDto[],
  text: string,
): string | null {
  const t = text.trim();
  if (!t || bodies.length === 0 || knownBody(bodies, t)) return null;
  return `Boards recognise approval bodies by these codes; “${t}” is not one of them, so rules that list accepted bodies will not count this credit.`;
}
