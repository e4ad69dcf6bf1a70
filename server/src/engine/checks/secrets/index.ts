// Registers the secrets checks (filled in by the security rule pack).

export {};
