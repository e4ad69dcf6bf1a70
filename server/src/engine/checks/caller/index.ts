// Registers the caller checks (filled in by the security rule pack).

export {};
