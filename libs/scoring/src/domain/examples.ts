import { SchemeConfig } from './scheme';

/**
 * One ready-made configuration per scheme kind (used by tests, documentation
 * and as templates for the "scheme preview" endpoint). Plain JSON.
 */
export const EXAMPLE_SCHEMES = {
  /** simplest judged item: drop 1 highest + 1 lowest, average, 2 digits half-up */
  simplePanel: {
    kind: 'judge-panel',
    marks: { min: 0, max: 10, maxDecimals: 2 },
    criteria: [{ key: 'score', label: '得分', drop: { highest: 1, lowest: 1 }, aggregate: 'mean' }],
    rounding: { digits: 2, mode: 'half-up' },
  },
  /** World Aquatics individual diving, 7 judges */
  diving: {
    kind: 'judge-panel',
    marks: { min: 0, max: 10, step: '0.5' },
    judges: 7,
    difficulty: { min: '1.2', max: '4.8', maxDecimals: 1 },
    criteria: [{ key: 'execution', label: '完成分', drop: { highest: 2, lowest: 2 }, aggregate: 'sum', multiplyByDifficulty: true }],
    rounding: { digits: 2, mode: 'half-up' },
  },
  /** WorldSkills-style marking scheme, 100 marks */
  markingScheme: {
    kind: 'marking-scheme',
    criteria: [
      {
        key: 'A',
        label: '工作组织与管理',
        aspects: [
          { key: 'A1', type: 'measurement', maxMark: 4, label: '安全防护' },
          { key: 'A2', type: 'judgement', maxMark: 6, label: '工位整洁' },
        ],
      },
      { key: 'B', label: '作品质量', aspects: [{ key: 'B1', type: 'measurement', maxMark: 60 }, { key: 'B2', type: 'judgement', maxMark: 30 }] },
    ],
    judgementGap: 1,
    rounding: { digits: 2, mode: 'half-up' },
  },
  /** track race, fully automatic timing */
  sprint: { kind: 'timed', rounding: { digits: 2, mode: 'up' }, basis: 'gun' },
  /** long jump final */
  longJump: { kind: 'measured', attempts: 6, digits: 2 },
  /** high jump */
  highJump: { kind: 'vertical-jump', heightDigits: 2, jumpOffForFirst: true },
  /** knowledge quiz, ICPC-style */
  quiz: { kind: 'points-penalty', penaltyPerWrong: 20, pointsPerSolved: 10, pointsDigits: 0 },
} satisfies Record<string, SchemeConfig>;
