// Identity contract: registration, login, the caller's profile, enterprises and their agents.
import { Type, type Static } from 'typebox';

// spelled out: typebox infers `never` for a union built with .map()
export const RoleSchema = Type.Union([
  Type.Literal('citizen'), Type.Literal('enterprise_agent'), Type.Literal('clerk'), Type.Literal('reviewer'),
  Type.Literal('approver'), Type.Literal('dept_admin'), Type.Literal('operator'), Type.Literal('auditor'),
]);

export const UsernameSchema = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.]{3,31}$', description: '4–32 characters: letters, digits, _ and .; starts with a letter' });
export const MobileSchema = Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'mainland mobile number' });
export const PasswordSchema = Type.String({ minLength: 1, maxLength: 128 });

export const CitizenRegistrationSchema = Type.Object({
  username: UsernameSchema,
  name: Type.String({ minLength: 2, maxLength: 50 }),
  idNumber: Type.String({ minLength: 1, maxLength: 18, description: 'GB 11643 citizen ID number (18 characters)' }),
  mobile: MobileSchema,
  email: Type.Optional(Type.String({ format: 'email', maxLength: 120 })),
  password: PasswordSchema,
}, { additionalProperties: false });
export type CitizenRegistration = Static<typeof CitizenRegistrationSchema>;

export const EnterpriseRegistrationSchema = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 120 }),
  creditCode: Type.String({ minLength: 1, maxLength: 18, description: 'GB 32100 unified social credit code' }),
  legalRepresentative: Type.String({ minLength: 2, maxLength: 50 }),
  regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  address: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });
export type EnterpriseRegistration = Static<typeof EnterpriseRegistrationSchema>;

export const LoginSchema = Type.Object({
  /** username or mobile number */
  login: Type.String({ minLength: 1, maxLength: 64 }),
  password: PasswordSchema,
}, { additionalProperties: false });

export const PasswordChangeSchema = Type.Object({ currentPassword: PasswordSchema, newPassword: PasswordSchema }, { additionalProperties: false });

export const EnterpriseSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  creditCodeMasked: Type.String(),
  legalRepresentativeMasked: Type.String(),
  /** 'legal_representative' | 'agent' */
  relation: Type.String(),
});
export type EnterpriseSummary = Static<typeof EnterpriseSummarySchema>;

export const MeSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  kind: Type.Union([Type.Literal('person'), Type.Literal('staff')]),
  name: Type.String(),
  idNumberMasked: Type.Union([Type.String(), Type.Null()]),
  mobileMasked: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  /** 1 = self-declared with a valid ID number; 2 = matched against the population registry */
  realNameLevel: Type.Integer(),
  roles: Type.Array(RoleSchema),
  departments: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), roles: Type.Array(RoleSchema) })),
  enterprises: Type.Array(EnterpriseSummarySchema),
  /** echo in X-CSRF-Token on every write */
  csrfToken: Type.String(),
  sessionExpiresAt: Type.String({ format: 'date-time' }),
});
export type Me = Static<typeof MeSchema>;

export const AgentSchema = Type.Object({
  accountId: Type.String(), username: Type.String(), nameMasked: Type.String(), mobileMasked: Type.String(), addedAt: Type.String(),
  /** 'legal_representative' | 'agent' */
  relation: Type.Optional(Type.String()),
});
export type Agent = Static<typeof AgentSchema>;
export const AddAgentSchema = Type.Object({ login: Type.String({ minLength: 1, maxLength: 64, description: 'username or mobile of a registered citizen' }) }, { additionalProperties: false });

export const RegistrationResultSchema = Type.Object({ id: Type.String(), username: Type.String() });
export type RegistrationResult = Static<typeof RegistrationResultSchema>;

/** One account in the operator's list; personal data masked. */
export const AdminAccountSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  kind: Type.Union([Type.Literal('person'), Type.Literal('staff')]),
  nameMasked: Type.String(),
  mobileMasked: Type.String(),
  idNumberMasked: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  /** set while a login lockout is in force */
  lockedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  roles: Type.Array(RoleSchema),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AdminAccount = Static<typeof AdminAccountSchema>;
export const AdminAccountPageSchema = Type.Object({
  items: Type.Array(AdminAccountSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
});
export type AdminAccountPage = Static<typeof AdminAccountPageSchema>;
