// Statutory holidays and make-up working days from the State Council (国务院办公厅) notices:
// 2025 国办发明电〔2024〕12号 (2024-11-12) and 2026 (2025-11-04). Public data, bundled so a deployment
// needs nothing outside the repository. seedCalendar enters each year once.
import type { CalendarPeriod } from './calendar.js';

export interface OfficialYear { year: number; source: string; periods: CalendarPeriod[] }

export const OFFICIAL_YEARS: OfficialYear[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    periods: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01', makeupWorkdays: [] },
      { name: '春节', from: '2025-01-28', to: '2025-02-04', makeupWorkdays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06', makeupWorkdays: [] },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05', makeupWorkdays: ['2025-04-27'] },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02', makeupWorkdays: [] },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', makeupWorkdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    periods: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03', makeupWorkdays: ['2026-01-04'] },
      { name: '春节', from: '2026-02-15', to: '2026-02-23', makeupWorkdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06', makeupWorkdays: [] },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05', makeupWorkdays: ['2026-05-09'] },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21', makeupWorkdays: [] },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27', makeupWorkdays: [] },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07', makeupWorkdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
];
