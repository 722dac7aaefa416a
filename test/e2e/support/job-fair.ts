import { creditCodeCheckChar, organizationCodeCheckChar } from '../../../libs/job-fair/src/domain/credit-code';

/** A valid unified social credit code (GB 32100) of a company registered in Hangzhou, numbered n. */
export function creditCode(n: number): string {
  const org8 = String(10_000_000 + (n % 89_999_999)).slice(0, 8);
  const first17 = `913301` + `05` + org8 + organizationCodeCheckChar(org8);
  return first17 + creditCodeCheckChar(first17);
}
