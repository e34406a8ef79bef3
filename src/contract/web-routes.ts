// Paths of the web app's pages. The server answers these with the app (200) and any other path
// with the app's not-found page and a real 404, so monitors and search engines see the truth.
// A test keeps this list in step with src/web/app/router.tsx.
export const WEB_ROUTES = [
  '/', '/items', '/items/:code', '/apply/:code', '/themes', '/departments', '/departments/:code',
  '/progress', '/me/cases', '/me/cases/:caseNo',
  '/login', '/register', '/register/enterprise', '/me', '/messages', '/admin/items', '/admin/items/:code',
  '/admin/calendar', '/admin/accounts', '/accessibility',
  '/workbench', '/workbench/cases/:caseNo', '/workbench/acceptance', '/workbench/pickup', '/workbench/licences', '/workbench/licences/:id',
  '/me/data-uses', '/admin/exchange', '/admin/exchange/log',
  '/me/licences', '/verify/:id', '/presentations/:token',
] as const;

const patterns = WEB_ROUTES.map((r) => new RegExp(`^${r.replace(/:[a-z]+/gi, '[^/]+')}/?$`));

export const isWebRoute = (path: string) => patterns.some((p) => p.test(path));
