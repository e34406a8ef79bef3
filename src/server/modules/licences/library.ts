// The e-licence library (电子证照库) as a registry of the exchange: a holder's valid, unexpired
// licences with their fields, so later applications need not ask for them. Each read is logged in
// the licence's usage log for its holder. The shape is the exchange's RegistryProvider.
import type { Executor } from '../../db/client.js';
import type { ExchangeCallContext, ExchangeSubject, FieldDef, RegistryProvider } from '../exchange/index.js';
import { now } from '../../platform/clock.js';
import { calendarToday } from '../calendar/index.js';
import { cipherFor } from '../../platform/crypto.js';
import * as repo from './repo.js';
import { CODE_TYPES, isExpired, typeName } from './views.js';

export const LIBRARY_FIELDS: FieldDef[] = [
  { code: 'licenceTypes', name: '持有证照类型', nameEn: 'Licence types held', dataType: 'list', shareType: 'unconditional' },
  { code: 'licences', name: '电子证照信息', nameEn: 'Licences with their fields', dataType: 'list', shareType: 'conditional' },
];

export function licenceLibraryProvider(secretKey: string): RegistryProvider {
  return {
    code: 'licences', name: '电子证照库', nameEn: 'E-licence library', departmentCode: 'sjj', fields: LIBRARY_FIELDS,
    async lookup(db: Executor, subject: ExchangeSubject, fields: string[], context?: ExchangeCallContext): Promise<Record<string, unknown> | null> {
      const [codeType, code] = 'idNumber' in subject ? [CODE_TYPES.person, subject.idNumber] : [CODE_TYPES.enterprise, subject.creditCode];
      const today = calendarToday();
      const list = (await repo.listValidLicencesByHolderCode(db, cipherFor(secretKey).lookupHash(`licence-holder:${codeType}`, code))).filter((l) => !isExpired(l, today));
      if (!list.length) return null;
      const at = now();
      for (const l of list) {
        await repo.insertUse(db, l.id, 'exchange_read', { consumer: context?.consumerDepartment ?? null, itemCode: context?.purpose.itemCode ?? null, caseNo: context?.purpose.kind === 'case' ? context.purpose.caseNo : null, fields }, at);
      }
      const out: Record<string, unknown> = {};
      if (fields.includes('licenceTypes')) out.licenceTypes = [...new Set(list.map((l) => l.type_key))];
      if (fields.includes('licences')) {
        out.licences = list.map((l) => ({
          type: l.type_key, typeName: typeName(l, 'zh'), identifier: l.identifier, licenceNo: l.licence_no, issuer: l.issuer_name,
          issuedOn: l.issued_on, validTo: l.valid_to, fields: l.fields,
        }));
      }
      return out;
    },
  };
}
