import { withAwardPlaces } from './award-places';
import { AwardsDomainError } from './awards-error';
import { Dec, parseDecimal } from './money';
import { isAwardable, type AwardDefinition, type RankedEntry } from './types';

export type BandRounding = 'floor' | 'ceil' | 'half-up';

/**
 * What happens when a tie straddles a band edge. Tied contestants are never
 * split across bands:
 * - 'include': the whole tie goes into the higher band (the band grows past
 *   its nominal count; the next band absorbs the overflow and shrinks).
 * - 'exclude': the whole tie is pushed into the lower band (the higher band
 *   stays at or under its nominal count).
 */
export type TiePolicy = 'include' | 'exclude';

/**
 * What a band's percent is taken of (the rule's `percentOf`):
 * - 'ranked' (the default): the official contestants ranked, i.e. those the results board gives a
 *   place — guests (特邀, out of competition), DNS, DNF and DQ are not counted. A 竞赛规程 line
 *   such as "按参赛选手的 10%、20%、30% 评出一、二、三等奖" is read this way unless it says otherwise.
 * - 'started': the rule says "of those who started" (按实际参赛/上场人数): every official
 *   contestant who started counts — DNF, DQ and NM included — while guests and DNS still do not.
 */
export type BandBasis = 'ranked' | 'started';
const BASES: readonly BandBasis[] = ['ranked', 'started'];

export interface Band {
  /** Share of the field for this band, in percent ("10" = 10 %). */
  readonly percent: string | number;
  /** Hard cap on how many entries this band may hold. */
  readonly maxCount?: number;
  readonly award: AwardDefinition;
}

/**
 * e.g. 一等奖 top 10 %, 二等奖 next 20 %, 三等奖 next 30 %.
 * Bands are listed from the best; their percents add up to at most 100.
 */
export interface BandAwardRule {
  readonly type: 'band';
  readonly bands: readonly Band[];
  readonly rounding: BandRounding;
  readonly tiePolicy: TiePolicy;
  /** Entries whose total is below this get no band award (decimal string). */
  readonly minimumTotal?: string;
  /** The denominator of the percents; default 'ranked' (see BandBasis). */
  readonly percentOf?: BandBasis;
}

function round(d: InstanceType<typeof Dec>, mode: BandRounding): number {
  const r = mode === 'floor' ? d.floor() : mode === 'ceil' ? d.ceil() : d.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  return r.toNumber();
}

/**
 * Cumulative boundaries: boundaries[k] = round((p1 + … + pk) % × n). Band k
 * nominally holds boundaries[k] − boundaries[k−1] entries. Rounding the
 * cumulative share, not each band's own share, avoids drift: with n = 7 and
 * 10 % / 20 % / 30 % rounded up per band, 1 + 2 + 3 = 6 entries would be
 * awarded where ceil(60 % × 7) = ceil(4.2) = 5.
 *
 * Exact arithmetic: 10 % × 7 = 0.7 exactly, so ceil → 1, floor → 0,
 * half-up → 1; and 30 % × 5 = 1.5 exactly (half-up → 2), which a float
 * 0.3 * 5 = 1.4999999999999998 would get wrong.
 */
export function bandBoundaries(fieldSize: number, bands: readonly Band[], rounding: BandRounding): number[] {
  if (!Number.isInteger(fieldSize) || fieldSize < 0) throw new AwardsDomainError('INVALID_FIELD_SIZE', `参赛人数无效：${fieldSize}`);
  let cumulative = new Dec(0);
  return bands.map((b, i) => {
    const p = parseDecimal(b.percent, 'INVALID_BAND', `第 ${i + 1} 档比例`);
    if (p.isNegative()) throw new AwardsDomainError('INVALID_BAND', `第 ${i + 1} 档比例不能为负数`);
    cumulative = cumulative.add(p);
    if (cumulative.gt(100)) throw new AwardsDomainError('BANDS_EXCEED_100', `各档比例合计超过 100%：${cumulative.toFixed()}%`);
    return Math.min(fieldSize, round(cumulative.mul(fieldSize).div(100), rounding));
  });
}

export interface BandAllocation {
  /** entryId → award. */
  readonly awards: Map<string, AwardDefinition>;
  /** The field size the percents were taken of (see BandBasis). */
  readonly fieldSize: number;
  /** Cumulative nominal boundaries, see bandBoundaries. */
  readonly boundaries: number[];
  /** Entries per band actually granted (after ties, caps and minimum). */
  readonly counts: number[];
}

/**
 * Band allocation over the ranked field.
 *
 * Field: the official contestants ranked, walked by the place the results
 * board counts (awardPlaces: guests, DNS/DNF/DQ and unranked rows are outside
 * it and push nobody down). n, the number the percents are taken of, is
 * their number — or, when the rule's `percentOf` is 'started', the number of
 * official contestants who started (DNF/DQ/NM included; guests and DNS never).
 * Rows below `minimumTotal` stay in the field (they count in n and occupy
 * their position) but receive nothing; their slot is not handed down to
 * anyone — everyone behind them ranks lower anyway.
 *
 * Walk tie groups (equal place) from the best. Band k may hold positions up
 * to its cumulative boundary B_k:
 * - 'include': a group starting before B_k joins band k whole;
 * - 'exclude': a group joins band k only if it ends at or before B_k;
 * then, either way, the group must also fit the band's `maxCount` or it
 * moves down whole — a cap is a hard limit and wins over 'include'.
 * A group that no band can take gets nothing, and neither does anyone
 * ranked behind it (e.g. 'exclude' with a tie larger than the last band's
 * room) — a lower-ranked entry is never awarded over a higher one. Because boundaries are cumulative,
 * positions a capped or tie-shortened band leaves free flow to the next
 * band, so "top 30 % get 一等 or 二等" still holds wherever ties allow.
 *
 * Small fields (10 % / 20 % / 30 %):
 *   n = 1: ceil → boundaries 1, 1, 1 → the one contestant gets 一等奖;
 *          floor → 0, 0, 0 → nobody; half-up → 0, 0, 1 (0.6 → 1) → 三等奖.
 *   n = 2: ceil → boundaries 1, 1, 2 → 一等 1, 二等 0, 三等 1;
 *          floor → 0, 0, 1 → the winner gets 三等奖 (only 60 % × 2 = 1.2 reaches a whole place).
 *   n = 7: ceil → 1, 3, 5 (0.7, 2.1, 4.2) → 1, 2, 2; floor → 0, 2, 4 → 0, 2, 2;
 *          half-up → 1, 2, 4 → 1, 1, 2.
 */
export function allocateByBands(field: readonly RankedEntry[], rule: BandAwardRule): BandAllocation {
  for (const [i, b] of rule.bands.entries()) {
    if (b.maxCount !== undefined && (!Number.isInteger(b.maxCount) || b.maxCount < 0)) {
      throw new AwardsDomainError('INVALID_BAND_CAP', `第 ${i + 1} 档名额上限必须是非负整数：${String(b.maxCount)}`);
    }
  }
  const basis = rule.percentOf ?? 'ranked';
  if (!BASES.includes(basis)) {
    throw new AwardsDomainError('INVALID_BAND_BASIS', `比例基数 percentOf 只能是 ranked（取得名次的正式选手）或 started（实际参赛的正式选手）：${String(basis)}`);
  }
  const min = rule.minimumTotal === undefined ? undefined : parseDecimal(rule.minimumTotal, 'INVALID_MINIMUM_TOTAL', '最低分数线');
  const ranked = withAwardPlaces(field)
    .filter((e) => e.place !== null)
    .sort((a, b) => a.place! - b.place! || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
  // The denominator of "top 10 %": see BandBasis for the reading of the rule.
  const n = basis === 'started' ? field.filter((e) => !e.guest && e.status !== 'DNS').length : ranked.length;
  const boundaries = bandBoundaries(n, rule.bands, rule.rounding);

  const groups: RankedEntry[][] = [];
  for (const e of ranked) {
    const last = groups[groups.length - 1];
    if (last && last[0].place === e.place) last.push(e);
    else groups.push([e]);
  }

  const awards = new Map<string, AwardDefinition>();
  const counts = rule.bands.map(() => 0);
  let pos = 0; // entries already walked past (awarded or not)
  let band = 0;
  for (const group of groups) {
    const size = group.length;
    while (band < rule.bands.length) {
      const edge = boundaries[band];
      const withinEdge = rule.tiePolicy === 'include' ? pos < edge : pos + size <= edge;
      const cap = rule.bands[band].maxCount;
      const withinCap = cap === undefined || counts[band] + size <= cap;
      if (withinEdge && withinCap) break;
      band++; // this band is full (edge or cap) for this group and everyone behind it
    }
    if (band >= rule.bands.length) break;
    for (const e of group) {
      if (!isAwardable(e)) continue;
      if (min && parseDecimal(e.total!, 'INVALID_TOTAL', `${e.entryId} 的成绩`).lt(min)) continue;
      awards.set(e.entryId, rule.bands[band].award);
    }
    counts[band] += group.filter((e) => awards.has(e.entryId)).length;
    pos += size;
  }
  return { awards, fieldSize: n, boundaries, counts };
}
