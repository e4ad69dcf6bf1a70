// Registers the dataRules checks (filled in by the security rule pack).

export {};
