/** Copies the built extension with these hosts (e.g. `acme.cybozu.com`) and optional API permissions (e.g. `cookies`) approved in its manifest; returns the copy's path. */
export function extensionWithHostsApproved(hosts: string[], from?: string, permissions?: string[]): string;
