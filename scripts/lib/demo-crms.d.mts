export type DemoCrmId = 'lightning' | 'classic' | 'hubspot' | 'dynamics';
export const CRM_IDS: DemoCrmId[];
export const DEFAULT_CRM: DemoCrmId;
export interface DemoRecord {
  url: string;
  name: string;
  key: string;
}
export interface DemoCrm {
  id: DemoCrmId;
  title: string;
  records: DemoRecord[];
  salesforce: boolean;
  tips: string[];
}
export function demoCrm(id: string): DemoCrm;
export function parseDemoArgs(argv: string[]): { build: boolean; headless: boolean; crm: DemoCrmId; store: boolean };
