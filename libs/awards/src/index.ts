// Awards: allocation rules, prize money ledger (pure domain; records and certificates come with the awards issue).
export * from './domain';
