import { AwardsDomainError } from './awards-error';
import { Dec, formatYuan, parseYuan } from './money';

export type PaymentStatus = 'pending' | 'paid' | 'cancelled';

export interface PaymentRow {
  /** Yuan, decimal string, at most 2 decimals. */
  readonly amount: string;
  readonly status: PaymentStatus;
  /** Materialised path of the paying/receiving organisation, e.g. "/1/4/9/". */
  readonly orgPath: string;
  readonly year: number;
}

export interface LedgerTotal {
  /** Subtree root: every row whose orgPath starts with this path is included. */
  readonly orgPath: string;
  readonly year: number;
  readonly paid: string;
  readonly pending: string;
  readonly cancelled: string;
  /** paid + pending: what is owed or spent; cancelled rows are excluded. */
  readonly committed: string;
  /** Number of rows of each status. */
  readonly counts: { readonly paid: number; readonly pending: number; readonly cancelled: number };
}

export interface LedgerOptions {
  /** Subtrees to report. Default: every ancestor path of every row, root "/" included. */
  readonly orgPaths?: readonly string[];
}

const PATH = /^\/(?:[^/]+\/)*$/;

function checkPath(path: string): void {
  if (!PATH.test(path)) throw new AwardsDomainError('INVALID_ORG_PATH', `组织路径格式应为 /1/4/ ：${path}`);
}

/** "/1/4/9/" → ["/", "/1/", "/1/4/", "/1/4/9/"]. */
function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.reduce<string[]>((acc, p) => [...acc, `${acc[acc.length - 1]}${p}/`], ['/']);
}

/**
 * Prize money totals per organisation subtree and year, exact: amounts are
 * summed as decimals, never as floats (3,144 payments of 669.30 and 670.10
 * must add to exactly 2,104,600.00). A path matches a subtree by prefix with
 * the trailing slash, so "/1/4/" covers "/1/4/9/" but not "/1/40/".
 * Output sorted by path, then year; a subtree/year with no row is omitted.
 */
export function summarizePrizeLedger(payments: readonly PaymentRow[], options: LedgerOptions = {}): LedgerTotal[] {
  type Acc = { paid: InstanceType<typeof Dec>; pending: InstanceType<typeof Dec>; cancelled: InstanceType<typeof Dec>; counts: Record<PaymentStatus, number> };
  const roots = options.orgPaths ? [...new Set(options.orgPaths)] : undefined;
  roots?.forEach(checkPath);
  const acc = new Map<string, Acc>();
  for (const [i, p] of payments.entries()) {
    checkPath(p.orgPath);
    if (!Number.isInteger(p.year)) throw new AwardsDomainError('INVALID_YEAR', `第 ${i + 1} 行年度无效：${String(p.year)}`);
    if (p.status !== 'paid' && p.status !== 'pending' && p.status !== 'cancelled') {
      throw new AwardsDomainError('INVALID_PAYMENT_STATUS', `第 ${i + 1} 行状态无效：${String(p.status)}`);
    }
    const amount = parseYuan(p.amount, 'INVALID_AMOUNT', `第 ${i + 1} 行金额`);
    const targets = roots ? roots.filter((r) => p.orgPath.startsWith(r)) : ancestors(p.orgPath);
    for (const root of targets) {
      const key = `${root}\u0000${p.year}`;
      let a = acc.get(key);
      if (!a) acc.set(key, (a = { paid: new Dec(0), pending: new Dec(0), cancelled: new Dec(0), counts: { paid: 0, pending: 0, cancelled: 0 } }));
      a[p.status] = a[p.status].add(amount);
      a.counts[p.status]++;
    }
  }
  return [...acc.entries()]
    .map(([key, a]) => {
      const [orgPath, year] = key.split('\u0000');
      return {
        orgPath,
        year: Number(year),
        paid: formatYuan(a.paid),
        pending: formatYuan(a.pending),
        cancelled: formatYuan(a.cancelled),
        committed: formatYuan(a.paid.add(a.pending)),
        counts: { ...a.counts },
      };
    })
    .sort((x, y) => (x.orgPath < y.orgPath ? -1 : x.orgPath > y.orgPath ? 1 : x.year - y.year));
}
