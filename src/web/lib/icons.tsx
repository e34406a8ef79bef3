// Theme icons arrive as @ant-design/icons component names; only these are bundled.
import type { ComponentType } from 'react';
import {
  AccountBookOutlined, AppstoreOutlined, AuditOutlined, BankOutlined, BuildOutlined, CarOutlined,
  CloseCircleOutlined, CoffeeOutlined, EditOutlined, EnvironmentOutlined, ExperimentOutlined,
  FileProtectOutlined, FlagOutlined, FundOutlined, GiftOutlined, HeartOutlined, HomeOutlined,
  IdcardOutlined, InsuranceOutlined, MedicineBoxOutlined, ReadOutlined, SafetyCertificateOutlined,
  SafetyOutlined, ShopOutlined, SmileOutlined, SolutionOutlined, StarOutlined, TeamOutlined,
  TrophyOutlined, TruckOutlined, UserOutlined, UsergroupAddOutlined,
} from '@ant-design/icons';

type IconComponent = ComponentType<{ className?: string; 'aria-hidden'?: boolean }>;

const THEME_ICONS: Record<string, IconComponent> = {
  AccountBookOutlined, AuditOutlined, BankOutlined, BuildOutlined, CarOutlined, CloseCircleOutlined,
  CoffeeOutlined, EditOutlined, EnvironmentOutlined, ExperimentOutlined, FileProtectOutlined,
  FlagOutlined, FundOutlined, GiftOutlined, HeartOutlined, HomeOutlined, IdcardOutlined,
  InsuranceOutlined, MedicineBoxOutlined, ReadOutlined, SafetyCertificateOutlined, SafetyOutlined,
  ShopOutlined, SmileOutlined, SolutionOutlined, StarOutlined, TeamOutlined, TrophyOutlined,
  TruckOutlined, UserOutlined, UsergroupAddOutlined,
};

/** The theme's icon; decorative, since the theme name is always shown beside it. */
export function ThemeIcon({ name, className }: { name: string; className?: string }) {
  const Icon = THEME_ICONS[name] ?? AppstoreOutlined;
  return <Icon className={className} aria-hidden />;
}
