import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { fairRoutes } from './fair/routes';
import { withTexts } from './i18n';
import { useSession } from './stores/session';

/**
 * The pages. Top-level sections must match the API's list of page paths
 * (apps/api/src/http/web-pages.ts), which answers them with index.html.
 */
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'events', component: () => import('./pages/EventsPage.vue') },
  { path: '/events/:id', name: 'event', component: () => import('./pages/EventPage.vue'), props: true },
  { path: '/events/:id/matches/:itemId', name: 'match-item', component: () => withTexts(import('./pages/MatchItemPage.vue')), props: true },
  { path: '/board/:id', name: 'board', component: () => import('./pages/BoardPage.vue'), props: true },
  { path: '/verify/:code?', name: 'verify', component: () => import('./pages/VerifyPage.vue'), props: true },
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue') },
  { path: '/signup', name: 'signup', component: () => import('./pages/SignUpPage.vue') },
  { path: '/reset', name: 'reset', component: () => import('./pages/ResetPasswordPage.vue') },
  { path: '/me/profile', name: 'profile', component: () => import('./pages/ProfilePage.vue'), meta: { signedIn: true } },
  { path: '/me/entries', name: 'my-entries', component: () => import('./pages/MyEntriesPage.vue'), meta: { signedIn: true } },
  { path: '/me/record', name: 'my-record', component: () => import('./pages/MyRecordPage.vue'), meta: { signedIn: true } },
  { path: '/me/inbox', name: 'inbox', component: () => import('./pages/InboxPage.vue'), meta: { signedIn: true } },
  { path: '/judge', name: 'my-judging', component: () => withTexts(import('./pages/MyJudgingPage.vue')), meta: { signedIn: true } },
  { path: '/judge/items/:itemId', name: 'judge-sheet', component: () => import('./pages/JudgeSheetPage.vue'), props: true, meta: { signedIn: true } },
  { path: '/judge/matches/:itemId', name: 'judge-matches', component: () => withTexts(import('./pages/JudgeMatchesPage.vue')), props: true, meta: { signedIn: true, roles: ['judge'] } },
  { path: '/manage', name: 'manage', component: () => import('./pages/ManageEventsPage.vue'), meta: { signedIn: true } },
  { path: '/manage/events/:id', name: 'manage-event', component: () => import('./pages/ManageEventPage.vue'), props: true, meta: { signedIn: true } },
  { path: '/manage/events/:id/check-in', name: 'check-in', component: () => import('./pages/CheckInPage.vue'), props: true, meta: { signedIn: true } },
  { path: '/manage/events/:id/items/:itemId/route', name: 'route-setup', component: () => import('./pages/HikeRouteSetupPage.vue'), props: true, meta: { signedIn: true, roles: ['organizer', 'admin'] } },
  { path: '/manage/items/:itemId', name: 'manage-item', component: () => import('./pages/ManageItemPage.vue'), props: true, meta: { signedIn: true } },
  { path: '/leader', name: 'leader', component: () => import('./pages/LeaderPage.vue'), meta: { signedIn: true } },
  { path: '/manage/statistics', name: 'statistics', component: () => withTexts(import('./pages/StatisticsPage.vue')), meta: { signedIn: true, roles: ['organizer', 'admin'] } },
  { path: '/hike', name: 'hike', component: () => import('./pages/HikePage.vue'), meta: { signedIn: true } },
  { path: '/hike/staff/:checkpointId', name: 'hike-staff', component: () => import('./pages/HikeStaffPage.vue'), props: true, meta: { signedIn: true, roles: ['checkpoint_staff'] } },
  { path: '/hike/routes/:routeId/board', name: 'hike-board', component: () => import('./pages/HikeBoardPage.vue'), props: true, meta: { signedIn: true, roles: ['organizer', 'checkpoint_staff'] } },
  { path: '/hike/routes/:routeId/results', name: 'hike-results', component: () => import('./pages/HikeResultsPage.vue'), props: true },
  { path: '/hike/walkers/:walkerId', name: 'hike-walker', component: () => import('./pages/HikeWalkerPage.vue'), props: true, meta: { signedIn: true } },
  { path: '/hike/follow/:token', name: 'hike-follow', component: () => import('./pages/HikeFollowPage.vue'), props: true },
  ...fairRoutes,
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
  // Shown in place (the address kept) when a signed-in person lacks the page's role.
  { path: '/:rest(.*)*', name: 'forbidden', component: () => import('./pages/ForbiddenPage.vue') },
];

declare module 'vue-router' {
  interface RouteMeta {
    signedIn?: boolean;
    /** Roles that may use the page; anyone else is shown the refusal page at the same address. */
    roles?: string[];
  }
}

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  const session = useSession();
  await session.restore();
  if (to.meta.signedIn && !session.user) return { name: 'login', query: { next: to.fullPath } };
  const roles = to.meta.roles as string[] | undefined;
  if (roles && !session.has(...roles)) return { name: 'forbidden', params: { rest: to.path.slice(1).split('/') }, query: to.query, replace: true };
  return true;
});
