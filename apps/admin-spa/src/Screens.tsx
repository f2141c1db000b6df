import { lazy, Suspense } from 'react';
import { Link, Route, Routes, useLocation, useParams } from 'react-router';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary';
import { IncidentDetailPage } from './incidents/IncidentDetailPage';
import { IncidentsPage } from './incidents/IncidentsPage';
import { OnCallPage } from './on-call/OnCallPage';
import { decodedSegment, PATHS } from './paths';

// Screens a technician woken at 2am does not need load on demand: the first page stays small.
const PoliciesPage = lazy(() => import('./policies/PoliciesPage'));
const ServicesPage = lazy(() => import('./services/ServicesPage'));
const ReportsPage = lazy(() => import('./reports/ReportsPage'));
const AuditLogPage = lazy(() => import('./audit/AuditLogPage'));
// FullCalendar is the heaviest part of the SPA: only the schedules screen loads it.
const SchedulesPage = lazy(() => import('./schedules/SchedulesPage'));
const PeoplePage = lazy(() => import('./people/PeoplePage'));
const PersonSettingsPage = lazy(() => import('./people/PersonSettingsPage'));
const ClientsRoutingPage = lazy(() => import('./routing/ClientsRoutingPage'));
const MaintenancePage = lazy(() => import('./maintenance/MaintenancePage'));

/** The screen the address names. */
export function Screens() {
  const { pathname } = useLocation();
  return (
    <ScreenErrorBoundary resetKey={pathname}>
      <Suspense
        fallback={
          <main className="page">
            <p className="empty">Loading…</p>
          </main>
        }
      >
        <Routes>
          <Route path={PATHS.incidents} element={<IncidentsPage />} />
          <Route path="/incidents" element={<IncidentsPage />} />
          <Route path="/incidents/:incidentId" element={<IncidentRoute />} />
          <Route path={PATHS.onCall} element={<OnCallPage />} />
          <Route path={PATHS.schedules} element={<SchedulesPage />} />
          <Route path={PATHS.policies} element={<PoliciesPage />} />
          <Route path={PATHS.services} element={<ServicesPage />} />
          <Route path={PATHS.reports} element={<ReportsPage />} />
          <Route path={PATHS.audit} element={<AuditLogPage />} />
          <Route path={PATHS.people} element={<PeoplePage />} />
          <Route path={`${PATHS.people}/:userId`} element={<PersonSettingsPage />} />
          <Route path={PATHS.clientsRouting} element={<ClientsRoutingPage />} />
          <Route path={PATHS.maintenance} element={<MaintenancePage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </ScreenErrorBoundary>
  );
}

function IncidentRoute() {
  const { incidentId = '' } = useParams();
  // react-router hands over a segment it could not decode as it was; that address names no incident.
  const raw = window.location.pathname.split('/').pop() ?? '';
  if (decodedSegment(raw) === null || !incidentId) return <NotFound />;
  return <IncidentDetailPage key={incidentId} incidentId={incidentId} />;
}

function NotFound() {
  return (
    <main className="page">
      <h1>Not found</h1>
      <p>
        Nothing lives at {window.location.pathname}. <Link to="/">See the incidents</Link>.
      </p>
    </main>
  );
}
