/**
 * What the settings page says of a CRM interface: `off` when the CSM turned it off; `permission-missing`
 * when it is on but the browser does not let the extension on its hosts (in Chrome a user can
 * withdraw site access), so no sidebar can come; `on` otherwise.
 */
export type CrmInterfaceStatus = 'on' | 'off' | 'permission-missing';

export function crmInterfaceStatus(on: boolean, hostsPermitted: boolean): CrmInterfaceStatus {
  if (!on) return 'off';
  return hostsPermitted ? 'on' : 'permission-missing';
}
