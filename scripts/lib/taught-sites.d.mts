/** Copies the built extension with these hosts (e.g. `acme.cybozu.com`) approved in its manifest; returns the copy's path. */
export function extensionWithHostsApproved(hosts: string[], from?: string): string;
