import type { RouteRecordRaw } from 'vue-router';

const seeker = { signedIn: true, roles: ['contestant'] };
const employer = { signedIn: true, roles: ['employer'] };
const organizer = { signedIn: true, roles: ['organizer', 'admin'] };

/** The job fair's pages: public search, seekers' own pages, employer staff's, and the fair's organizers'. */
export const fairRoutes: RouteRecordRaw[] = [
  { path: '/jobs', name: 'jobs', component: () => import('../pages/fair/JobsPage.vue') },
  { path: '/jobs/positions/:id', name: 'job-position', component: () => import('../pages/fair/PositionPage.vue'), props: true },
  { path: '/me/applications', name: 'my-applications', component: () => import('../pages/fair/MyApplicationsPage.vue'), meta: seeker },
  { path: '/me/fair-pass', name: 'fair-pass', component: () => import('../pages/fair/FairPassPage.vue'), meta: seeker },
  { path: '/employer', name: 'employer', component: () => import('../pages/fair/EmployerPage.vue'), meta: employer },
  { path: '/employer/fairs/:eventId', name: 'employer-fair', component: () => import('../pages/fair/EmployerFairPage.vue'), props: true, meta: employer },
  { path: '/employer/fairs/:eventId/scan', name: 'booth-scan', component: () => import('../pages/fair/BoothScanPage.vue'), props: true, meta: employer },
  { path: '/employer/positions/:id', name: 'pipeline', component: () => import('../pages/fair/PipelinePage.vue'), props: true, meta: employer },
  { path: '/manage/fairs', name: 'manage-fairs', component: () => import('../pages/fair/ManageFairsPage.vue'), meta: organizer },
  { path: '/manage/fairs/:id', name: 'manage-fair', component: () => import('../pages/fair/ManageFairPage.vue'), props: true, meta: organizer },
];
