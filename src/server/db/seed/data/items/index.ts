// All seed items of the demo city, in one list validated by data.test.ts.
import type { ItemCreate } from '../../../../../contract/catalog.js';
import { enterpriseApplications } from './applications-enterprise.js';
import { personApplications } from './applications-person.js';
import { civilAffairsItems } from './civil-affairs.js';
import { constructionItems } from './construction.js';
import { educationItems } from './education.js';
import { employmentItems } from './employment.js';
import { environmentItems } from './environment.js';
import { healthItems } from './health.js';
import { housingFundItems } from './housing-fund.js';
import { landItems } from './land.js';
import { marketPermitItems } from './market-permits.js';
import { marketRegistrationItems } from './market.js';
import { medicalInsuranceItems } from './medical-insurance.js';
import { publicSecurityItems } from './public-security.js';
import { safetyAgricultureTradeItems } from './safety-agriculture-trade.js';
import { socialSecurityItems } from './social-security.js';
import { taxItems } from './tax.js';
import { transportAndCultureItems } from './transport-culture.js';
import { veteransAndJusticeItems } from './veterans-justice.js';
import { welfareItems } from './welfare.js';

const applications = { ...personApplications, ...enterpriseApplications };

const allItems: ItemCreate[] = [
  ...marketRegistrationItems,
  ...marketPermitItems,
  ...publicSecurityItems,
  ...socialSecurityItems,
  ...employmentItems,
  ...medicalInsuranceItems,
  ...healthItems,
  ...housingFundItems,
  ...constructionItems,
  ...landItems,
  ...environmentItems,
  ...civilAffairsItems,
  ...welfareItems,
  ...veteransAndJusticeItems,
  ...educationItems,
  ...taxItems,
  ...transportAndCultureItems,
  ...safetyAgricultureTradeItems,
];

/** every item, with its application form and process definition where the demo has one */
export const seedItems: ItemCreate[] = allItems.map((i) => ({ ...i, ...applications[i.code] }));
