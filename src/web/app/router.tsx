// Routes. Every page is its own chunk so the home page loads only what it shows.
import { lazy, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { RequireAuth, RequireRole } from './guards';
import { RouteError } from './ErrorBoundary';
import { NotFoundPage } from './NotFoundPage';
import { ACCEPTANCE_ROLES, PICKUP_ROLES, STAFF_ROLES } from '../features/workbench/access';
import { LICENCE_ROLES } from '../features/licences/access';

function page<K extends string>(load: () => Promise<{ [P in K]: ComponentType }>, name: K) {
  const Page = lazy(async () => {
    const component: ComponentType = (await load())[name];
    return { default: component };
  });
  return <Page />;
}

const home = page(() => import('../features/catalog/HomePage'), 'HomePage');
const search = page(() => import('../features/catalog/SearchPage'), 'SearchPage');
const guide = page(() => import('../features/catalog/ItemGuidePage'), 'ItemGuidePage');
const apply = page(() => import('../features/applications/ApplyPage'), 'ApplyPage');
const myCases = page(() => import('../features/applications/MyCasesPage'), 'MyCasesPage');
const casePage = page(() => import('../features/applications/CasePage'), 'CasePage');
const progress = page(() => import('../features/applications/ProgressPage'), 'ProgressPage');
const themes = page(() => import('../features/catalog/ThemesPage'), 'ThemesPage');
const departments = page(() => import('../features/catalog/DepartmentsPage'), 'DepartmentsPage');
const department = page(() => import('../features/catalog/DepartmentPage'), 'DepartmentPage');
const login = page(() => import('../features/identity/LoginPage'), 'LoginPage');
const register = page(() => import('../features/identity/RegisterPage'), 'RegisterPage');
const enterprise = page(() => import('../features/identity/EnterpriseRegisterPage'), 'EnterpriseRegisterPage');
const me = page(() => import('../features/identity/MePage'), 'MePage');
const messages = page(() => import('../features/notifications/MessagesPage'), 'MessagesPage');
const adminItems = page(() => import('../features/admin/AdminItemsPage'), 'AdminItemsPage');
const itemEditor = page(() => import('../features/admin/ItemEditorPage'), 'ItemEditorPage');
const adminAccounts = page(() => import('../features/admin/AdminAccountsPage'), 'AdminAccountsPage');
const calendar = page(() => import('../features/calendar/CalendarPage'), 'CalendarPage');
const workbench = page(() => import('../features/workbench/InboxPage'), 'InboxPage');
const workbenchCase = page(() => import('../features/workbench/CasePage'), 'CasePage');
const acceptance = page(() => import('../features/workbench/AcceptancePage'), 'AcceptancePage');
const pickup = page(() => import('../features/workbench/PickupPage'), 'PickupPage');
const dataUses = page(() => import('../features/exchange/DataUsesPage'), 'DataUsesPage');
const adminExchange = page(() => import('../features/exchange/AdminExchangePage'), 'AdminExchangePage');
const exchangeLog = page(() => import('../features/exchange/ExchangeLogPage'), 'ExchangeLogPage');
const accessibility = page(() => import('./AccessibilityPage'), 'AccessibilityPage');
const wallet = page(() => import('../features/licences/WalletPage'), 'WalletPage');
const verifyLicence = page(() => import('../features/licences/VerifyPage'), 'VerifyPage');
const presentation = page(() => import('../features/licences/PresentationPage'), 'PresentationPage');
const licenceRegister = page(() => import('../features/licences/RegisterPage'), 'RegisterPage');
const licenceEntry = page(() => import('../features/licences/RegisterEntryPage'), 'RegisterEntryPage');

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: home },
      { path: 'items', element: search },
      { path: 'items/:code', element: guide },
      { path: 'apply/:code', element: <RequireAuth>{apply}</RequireAuth> },
      { path: 'themes', element: themes },
      { path: 'departments', element: departments },
      { path: 'departments/:code', element: department },
      { path: 'progress', element: progress },
      { path: 'login', element: login },
      { path: 'register', element: register },
      { path: 'register/enterprise', element: <RequireAuth>{enterprise}</RequireAuth> },
      { path: 'me', element: <RequireAuth>{me}</RequireAuth> },
      { path: 'me/cases', element: <RequireAuth>{myCases}</RequireAuth> },
      { path: 'me/cases/:caseNo', element: <RequireAuth>{casePage}</RequireAuth> },
      { path: 'messages', element: <RequireAuth>{messages}</RequireAuth> },
      { path: 'me/licences', element: <RequireAuth>{wallet}</RequireAuth> },
      { path: 'verify/:id', element: verifyLicence },
      { path: 'presentations/:token', element: presentation },
      { path: 'admin/items', element: <RequireRole role="operator">{adminItems}</RequireRole> },
      { path: 'admin/items/:code', element: <RequireRole role="operator">{itemEditor}</RequireRole> },
      { path: 'admin/calendar', element: <RequireRole role="operator">{calendar}</RequireRole> },
      { path: 'admin/accounts', element: <RequireRole role="operator">{adminAccounts}</RequireRole> },
      { path: 'workbench', element: <RequireRole role={STAFF_ROLES}>{workbench}</RequireRole> },
      { path: 'workbench/cases/:caseNo', element: <RequireRole role={STAFF_ROLES}>{workbenchCase}</RequireRole> },
      { path: 'workbench/acceptance', element: <RequireRole role={ACCEPTANCE_ROLES}>{acceptance}</RequireRole> },
      { path: 'workbench/pickup', element: <RequireRole role={PICKUP_ROLES}>{pickup}</RequireRole> },
      { path: 'workbench/licences', element: <RequireRole role={LICENCE_ROLES}>{licenceRegister}</RequireRole> },
      { path: 'workbench/licences/:id', element: <RequireRole role={LICENCE_ROLES}>{licenceEntry}</RequireRole> },
      { path: 'me/data-uses', element: <RequireAuth>{dataUses}</RequireAuth> },
      { path: 'admin/exchange', element: <RequireRole role="operator">{adminExchange}</RequireRole> },
      { path: 'admin/exchange/log', element: <RequireRole role="auditor">{exchangeLog}</RequireRole> },
      { path: 'accessibility', element: accessibility },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
